package io.muster.registration;

import java.time.Instant;
import java.util.List;

import io.muster.rules.Decisions;
import io.muster.session.SessionStatus;
import io.muster.session.TrainingSession;

/** How a session entity is put to the session-visibility table. */
final class Calendar {

    private Calendar() {
    }

    static Decisions.SessionRules rules(TrainingSession session, Instant now) {
        return new Decisions.SessionRules(sorted(session.getDepartments()), sorted(session.getJobRoles()),
                sorted(session.getLocations()), session.getStatus().name(), session.getStartsAt().isAfter(now));
    }

    /** The same session as if it were open for booking: tells "not for you" from "not now". */
    static Decisions.SessionRules asIfOpen(Decisions.SessionRules rules) {
        return new Decisions.SessionRules(rules.departments(), rules.jobRoles(), rules.locations(),
                SessionStatus.SCHEDULED.name(), true);
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
