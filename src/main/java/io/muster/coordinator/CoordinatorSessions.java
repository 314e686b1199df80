package io.muster.coordinator;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.RegistrationView;
import io.muster.registration.SessionRoster;
import io.muster.roster.RegistrationStatus;
import io.muster.rosterops.RosterExport;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the coordinator's session pages show, read in one transaction each. */
@Component
class CoordinatorSessions {

    private final SessionService sessions;
    private final SessionRoster rosters;
    private final PeopleService people;
    private final RosterExport export;

    CoordinatorSessions(SessionService sessions, SessionRoster rosters, PeopleService people, RosterExport export) {
        this.sessions = sessions;
        this.rosters = rosters;
        this.people = people;
        this.export = export;
    }

    public record Learner(long registrationId, String name, String email, String department, RegistrationStatus status,
            String method, Instant lastChange) {
    }

    public record Roster(SessionSummary session, SessionRoster.Roster seats, List<Learner> learners,
            Map<RegistrationStatus, Long> counts) {
    }

    @Transactional(readOnly = true)
    List<SessionSummary> search(SessionStatus status, String q) {
        return sessions.search(null, status, q).stream().map(SessionSummary::of).toList();
    }

    @Transactional(readOnly = true)
    SessionSummary get(long id) {
        return SessionSummary.of(sessions.get(id));
    }

    /** The roster, all of it or the lines in one status, with a count for every status. */
    @Transactional(readOnly = true)
    Roster roster(long id, RegistrationStatus only) {
        SessionRoster.Roster seats = rosters.of(id);
        Map<RegistrationStatus, Long> counts = new EnumMap<>(RegistrationStatus.class);
        seats.registrations().forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        List<Learner> learners = seats.registrations().stream().filter(r -> only == null || r.status() == only)
                .map(this::learner).toList();
        return new Roster(get(id), seats, learners, counts);
    }

    @Transactional(readOnly = true)
    byte[] workbook(long id) {
        rosters.of(id);
        return export.workbook(sessions.get(id));
    }

    private Learner learner(RegistrationView r) {
        Person person = people.get(r.username());
        Instant last = r.history().isEmpty() ? r.requestedAt() : r.history().get(r.history().size() - 1).at();
        return new Learner(r.id(), person.getName(), person.getEmail(), person.getDepartment(), r.status(),
                r.method().name(), last);
    }
}
