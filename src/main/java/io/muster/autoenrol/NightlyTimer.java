package io.muster.autoenrol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The timer start event's cron is read when the model is deployed; an unchanged model is not
 * deployed again, so a changed {@code MUSTER_AUTO_ENROL_CRON} would not reach the timer. At start,
 * a timer whose cron differs from the configured one gets the model deployed again, which
 * replaces the timer.
 */
@Component
class NightlyTimer {

    private static final Logger log = LoggerFactory.getLogger(NightlyTimer.class);
    private static final String MODEL = "bpmn/" + AutoEnrolCycleProcess.KEY + ".bpmn";

    private final ManagementService management;
    private final RepositoryService repository;
    private final AutoEnrolSchedule schedule;

    NightlyTimer(ManagementService management, RepositoryService repository, AutoEnrolSchedule schedule) {
        this.management = management;
        this.repository = repository;
        this.schedule = schedule;
    }

    @EventListener(ApplicationReadyEvent.class)
    void followConfiguredCron() {
        Job timer = management.createJobQuery().processDefinitionKey(AutoEnrolCycleProcess.KEY).timers()
                .singleResult();
        if (timer instanceof TimerEntity entity && !schedule.getCron().equals(entity.getRepeat())) {
            try (InputStream model = new ClassPathResource(MODEL).getInputStream()) {
                repository.createDeployment().name("muster").addInputStream(MODEL, model).deploy();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("Auto-enrol cycle now runs at cron '{}' (was '{}')", schedule.getCron(), entity.getRepeat());
        }
    }
}
