package io.muster.autoenrol;

import org.springframework.stereotype.Component;

/**
 * When the nightly cycle runs: the timer start event of auto-enrol-cycle reads
 * {@code ${autoEnrolSchedule.cron}}; the engine evaluates cron expressions in {@code muster.zone}.
 */
@Component("autoEnrolSchedule")
public class AutoEnrolSchedule {

    private final String cron;

    AutoEnrolSchedule(AutoEnrolTimes times) {
        this.cron = times.cron();
    }

    public String getCron() {
        return cron;
    }
}
