package io.muster.registration;

import java.time.Instant;
import java.util.List;

import io.muster.people.PersonProfile;
import io.muster.rules.Decisions;
import io.muster.session.TrainingSession;
import io.muster.session.UpcomingSessions;

/** How a person and a session are put to the session-visibility table. */
final class Calendar {

    private Calendar() {
    }

    static Decisions.Viewer viewer(PersonProfile person) {
        return new Decisions.Viewer(person.department(), person.jobRole(), person.location(),
                person.employmentType().name());
    }

    static Decisions.SessionRules rules(TrainingSession session, Instant now) {
        return new Decisions.SessionRules(sorted(session.getDepartments()), sorted(session.getJobRoles()),
                sorted(session.getLocations()), session.getStatus().name(), session.getStartsAt().isAfter(now));
    }

    static Decisions.SessionRules rules(UpcomingSessions.Upcoming session, Instant now) {
        UpcomingSessions.Audience audience = session.audience();
        return new Decisions.SessionRules(audience.departments(), audience.jobRoles(), audience.locations(),
                session.status(), session.startsAt().isAfter(now));
    }

    /** The same session as if it were open for booking: tells "not for you" from "not now". */
    static Decisions.SessionRules asIfOpen(Decisions.SessionRules rules) {
        return new Decisions.SessionRules(rules.departments(), rules.jobRoles(), rules.locations(), "SCHEDULED", true);
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
