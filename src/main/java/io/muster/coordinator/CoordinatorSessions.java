package io.muster.coordinator;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.muster.course.CourseService;
import io.muster.notification.Notifications;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.RegistrationView;
import io.muster.registration.SessionRoster;
import io.muster.registration.RegistrationStatus;
import io.muster.rosterops.RosterExport;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionSummary;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the coordinator's session pages show, read in one transaction each. */
@Component
class CoordinatorSessions {

    private final SessionService sessions;
    private final SessionRoster rosters;
    private final PeopleService people;
    private final RosterExport export;
    private final CourseService courses;
    private final Notifications notifications;

    CoordinatorSessions(SessionService sessions, SessionRoster rosters, PeopleService people, RosterExport export,
            CourseService courses, Notifications notifications) {
        this.courses = courses;
        this.notifications = notifications;
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

    /** A line of the list: the session and its fill rate (none when unlimited). */
    public record Line(SessionSummary session, Double fillRate) {
    }

    /** A value a select offers, and what it shows. */
    public record Choice(String value, String label) {
    }

    /** Who hears of a change of time or place: learners holding the calendar entry, and the trainer. */
    public record Audience(long learners, boolean trainer) {
    }

    /** The edit form's page: the session, its values as the form shows them, and who would hear of a move. */
    public record Editing(SessionSummary line, SessionForm form, Audience audience) {
    }

    @Transactional(readOnly = true)
    List<Line> search(SessionService.Criteria criteria) {
        List<TrainingSession> found = sessions.search(criteria);
        Map<Long, Double> fillRates = rosters.fillRates(found);
        return found.stream().map(s -> new Line(SessionSummary.of(s), fillRates.get(s.getId()))).toList();
    }

    @Transactional(readOnly = true)
    List<Choice> courses() {
        return courses.all().stream().map(c -> new Choice(c.getId().toString(), c.getCode() + " - " + c.getTitle()))
                .toList();
    }

    @Transactional(readOnly = true)
    List<Choice> trainers() {
        return sessions.trainers().stream().map(p -> new Choice(p.getUsername(), p.getName() + " (" + p.getUsername()
                + ")")).toList();
    }

    /** Only a scheduled session's learners hear of a move; a draft's have no calendar entry yet. */
    @Transactional(readOnly = true)
    Editing editing(long id) {
        TrainingSession session = sessions.get(id);
        Audience audience = session.getStatus() != SessionStatus.SCHEDULED ? null
                : new Audience(notifications.calendarHolders(id), session.getTrainer() != null);
        return new Editing(SessionSummary.of(session), SessionForm.of(session), audience);
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
