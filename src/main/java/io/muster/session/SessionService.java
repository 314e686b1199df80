package io.muster.session;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.common.Times;
import io.muster.course.Course;
import io.muster.course.CourseRepository;
import io.muster.people.Person;
import io.muster.people.PersonRepository;
import io.muster.security.Accounts;
import io.muster.security.MusterGroups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The session catalogue: create, edit, publish, delete. Every rule is checked before anything is written. */
@Service
public class SessionService {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final SessionRepository sessions;
    private final CourseRepository courses;
    private final PersonRepository people;
    private final Accounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CalendarChanges calendar;

    SessionService(SessionRepository sessions, CourseRepository courses, PersonRepository people, Accounts accounts,
            Clock clock, ApplicationEventPublisher events, CalendarChanges calendar) {
        this.calendar = calendar;
        this.sessions = sessions;
        this.courses = courses;
        this.people = people;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    /** Published, in the editing transaction, when a scheduled session gets more seats. */
    public record CapacityRaised(long sessionId) {
    }

    /** Published when a session is published: its lifecycle begins. */
    public record Published(long sessionId) {
    }

    /** Published when a session is deleted: nothing of it may keep running. */
    public record Deleted(long sessionId) {
    }

    /** Published when a scheduled session's date, time or place changed: learners must hear. */
    public record Rescheduled(long sessionId) {
    }

    /** What a session is: the fields of a create or edit, already checked for form. */
    public record Details(Long courseId, String title, String shortDescription, Instant startsAt, ZoneId zone,
            int durationMinutes, SessionType type, String location, String onlineUrl, String trainerUsername,
            Integer capacity, boolean waitingList, boolean approvalRequired, Set<String> departments,
            Set<String> jobRoles, Set<String> locations, List<Material> materials) {
    }

    @Transactional
    public TrainingSession create(Details d) {
        calendar.changed();
        TrainingSession session = new TrainingSession(course(d.courseId()));
        apply(session, d);
        return sessions.save(session);
    }

    @Transactional
    public TrainingSession update(Long id, Details d) {
        calendar.changed();
        TrainingSession session = get(id);
        if (!session.getStatus().isEditable()) {
            throw new ConflictException("status", "a " + session.getStatus() + " session cannot be edited");
        }
        if (!session.getCourse().getId().equals(d.courseId())) {
            throw new InvalidInputException("courseId", "a session cannot move to another course");
        }
        if (d.capacity() != null && d.capacity() < session.getSeatsTaken()) {
            throw new ConflictException("capacity",
                    "capacity cannot go below the " + session.getSeatsTaken() + " seats already taken");
        }
        boolean learnersMustHear = !d.startsAt().equals(session.getStartsAt())
                || d.durationMinutes() != session.getDurationMinutes()
                || d.type() != session.getType()
                || !Objects.equals(d.location(), session.getLocation())
                || !Objects.equals(d.onlineUrl(), session.getOnlineUrl());
        boolean moreSeats = session.getCapacity() != null && (d.capacity() == null || d.capacity() > session.getCapacity());
        apply(session, d);
        if (learnersMustHear) {
            session.raiseCalendarSequence();
        }
        if (moreSeats && session.getStatus() == SessionStatus.SCHEDULED) {
            sessions.flush();
            events.publishEvent(new CapacityRaised(session.getId()));
        }
        if (learnersMustHear && session.getStatus() == SessionStatus.SCHEDULED) {
            sessions.flush();
            events.publishEvent(new Rescheduled(session.getId()));
        }
        return session;
    }

    @Transactional
    public TrainingSession publish(Long id) {
        calendar.changed();
        TrainingSession session = get(id);
        if (session.getStatus() != SessionStatus.DRAFT) {
            throw new ConflictException("status", "only a DRAFT session can be published; this one is "
                    + session.getStatus());
        }
        if (!session.getStartsAt().isAfter(clock.instant())) {
            throw new ConflictException("startsAt", "a session that has started cannot be published");
        }
        session.publish();
        sessions.flush();
        events.publishEvent(new Published(session.getId()));
        return session;
    }

    /** The start time has come (the lifecycle's timer). A cancelled session stays cancelled. */
    @Transactional
    public void markInProgress(Long id) {
        calendar.changed();
        TrainingSession session = get(id);
        if (session.getStatus() == SessionStatus.SCHEDULED) {
            session.moveTo(SessionStatus.IN_PROGRESS);
        }
    }

    /** The end time has come. */
    @Transactional
    public void markCompleted(Long id) {
        calendar.changed();
        TrainingSession session = get(id);
        if (session.getStatus() == SessionStatus.IN_PROGRESS || session.getStatus() == SessionStatus.SCHEDULED) {
            session.moveTo(SessionStatus.COMPLETED);
        }
    }

    /** Called off with a reason; a cancelled or completed session cannot be cancelled (again). */
    @Transactional
    public TrainingSession cancel(Long id, String reason) {
        calendar.changed();
        TrainingSession session = get(id);
        if (session.getStatus() == SessionStatus.CANCELLED || session.getStatus() == SessionStatus.COMPLETED) {
            throw new ConflictException("status", "a " + session.getStatus() + " session cannot be cancelled");
        }
        session.cancel(reason);
        return session;
    }

    /** Only a session nobody is registered to may go; the database refuses otherwise. */
    @Transactional
    public void delete(Long id) {
        calendar.changed();
        TrainingSession session = get(id);
        try {
            sessions.delete(session);
            sessions.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("This session has registrations and cannot be deleted; cancel it instead.");
        }
        events.publishEvent(new Deleted(id));
    }

    @Transactional(readOnly = true)
    public TrainingSession get(Long id) {
        return sessions.findById(id).orElseThrow(() -> new NotFoundException("Session", id));
    }

    /** Every session of the course, by start. */
    @Transactional(readOnly = true)
    public List<TrainingSession> ofCourse(long courseId) {
        return sessions.findByCourseIdOrderByStartsAtAscIdAsc(courseId);
    }

    /** Which sessions a list shows; every criterion may be null (any), {@code to} is exclusive. */
    public record Criteria(String trainer, Long courseId, SessionStatus status, String q, Instant from, Instant to) {
    }

    @Transactional(readOnly = true)
    public List<TrainingSession> search(String trainer, SessionStatus status, String q) {
        return search(new Criteria(trainer, null, status, q, null, null));
    }

    @Transactional(readOnly = true)
    public List<TrainingSession> search(Criteria c) {
        String like = c.q() == null || c.q().isBlank() ? null : "%" + c.q().toLowerCase(Locale.ROOT).trim() + "%";
        // open ends as far bounds: a null instant has no SQL type the query could compare
        return sessions.search(c.trainer(), c.courseId(), c.status(), like, c.from() == null ? EARLIEST : c.from(),
                c.to() == null ? LATEST : c.to());
    }

    /** Everyone who may train a session: the trainers group's members with a Muster profile, by name. */
    @Transactional(readOnly = true)
    public List<Person> trainers() {
        return people.findByUsernameIn(accounts.membersOf(MusterGroups.TRAINERS)).stream()
                .sorted(Comparator.comparing(Person::getName).thenComparing(Person::getUsername)).toList();
    }

    private void apply(TrainingSession session, Details d) {
        if (!d.startsAt().isAfter(clock.instant()) && !d.startsAt().equals(session.getStartsAt())) {
            throw new InvalidInputException("startsAt", "must be in the future");
        }
        if (d.type() == SessionType.IN_PERSON && (d.location() == null || d.location().isBlank())) {
            throw new InvalidInputException("location", "an in-person session needs a location");
        }
        if (d.type() == SessionType.ONLINE && (d.onlineUrl() == null || d.onlineUrl().isBlank())) {
            throw new InvalidInputException("onlineUrl", "an online session needs a URL");
        }
        Person trainer = trainer(d, session.getId());
        session.schedule(d.title(), d.shortDescription(), d.startsAt(), d.zone(), d.durationMinutes(), d.type(),
                d.location(), d.onlineUrl(), trainer, d.capacity(), d.waitingList(), d.approvalRequired(),
                d.departments(), d.jobRoles(), d.locations(), d.materials());
    }

    private Course course(Long id) {
        return courses.findById(id).orElseThrow(() -> new InvalidInputException("courseId", "unknown course " + id));
    }

    private Person trainer(Details d, Long sessionId) {
        if (d.trainerUsername() == null || d.trainerUsername().isBlank()) {
            return null;
        }
        Person trainer = people.findByUsername(d.trainerUsername())
                .filter(p -> accounts.isMember(p.getUsername(), MusterGroups.TRAINERS))
                .orElseThrow(() -> new InvalidInputException("trainerUsername",
                        "unknown trainer '" + d.trainerUsername() + "'"));
        Instant end = d.startsAt().plusSeconds(60L * d.durationMinutes());
        sessions.trainerClashes(trainer.getId(), d.startsAt(), end, sessionId).stream().findFirst().ifPresent(other -> {
            throw new ConflictException("trainerUsername", "the trainer is already booked at that time, in '"
                    + other.getTitle() + "' (" + Times.at(other.getStartsAt(), other.getZone()) + ")");
        });
        return trainer;
    }
}
