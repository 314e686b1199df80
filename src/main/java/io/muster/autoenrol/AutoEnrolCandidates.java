package io.muster.autoenrol;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.muster.rules.Decisions;
import org.springframework.stereotype.Component;

/** Whom the next auto-enrol run would put to auto-enrol-eligibility, read as the run reads them, writing nothing. */
@Component
public class AutoEnrolCandidates {

    private final AutoEnrolCycle cycle;
    private final Clock clock;

    AutoEnrolCandidates(AutoEnrolCycle cycle, Clock clock) {
        this.cycle = cycle;
        this.clock = clock;
    }

    /** Per course with auto-enrol on: the usernames of its candidates, grouped by the table's inputs. */
    public Map<Long, Map<Decisions.AutoEnrolInput, List<String>>> now() {
        return cycle.candidatesNow(clock.instant());
    }
}
