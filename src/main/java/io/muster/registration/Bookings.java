package io.muster.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.common.ProcessTransactions;
import io.muster.course.Course;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentSource;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.internal.RegistrationFacade;
import io.muster.registration.internal.WaitlistPromotionFacade;
import io.muster.rules.Decisions;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings as learners, admins and enrolment managers ask for them: a seat, the waiting list or
 * an approval; swaps and cancellations. Each request runs its process synchronously in one
 * transaction: a refusal rolls everything back.
 */
@Service
public class Bookings {

    private final SessionService sessions;
    private final PeopleService people;
    private final RosterService roster;
    private final Decisions decisions;
    private final RegistrationFacade registrationProcess;
    private final WaitlistPromotionFacade promotionProcess;
    private final Clock clock;
    private final ProcessTransactions transactions;
    private final MultipleSessionEnrolment multipleSessions;
    private final EnrolmentService enrolments;
    private final Registrar registrar;
    private final RegistrationViews views;

    Bookings(SessionService sessions, PeopleService people, RosterService roster, Decisions decisions,
            RegistrationFacade registrationProcess, WaitlistPromotionFacade promotionProcess, Clock clock,
            ProcessTransactions transactions, MultipleSessionEnrolment multipleSessions, EnrolmentService enrolments,
            Registrar registrar, RegistrationViews views) {
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
        this.decisions = decisions;
        this.registrationProcess = registrationProcess;
        this.promotionProcess = promotionProcess;
        this.clock = clock;
        this.transactions = transactions;
        this.multipleSessions = multipleSessions;
        this.enrolments = enrolments;
        this.registrar = registrar;
        this.views = views;
    }

    /**
     * Books a person into a session. A learner books only sessions visible to them (others are
     * answered as if they did not exist); an admin may book anyone into any open session.
     */
    public RegistrationView book(long sessionId, String username, String actor, boolean byAdmin) {
        return transactions.run(() -> views.view(doBook(sessionId, username, actor, byAdmin,
                byAdmin ? RegistrationMethod.ADMIN : RegistrationMethod.SELF)));
    }

    /** A booking an admin or enrolment manager makes for someone, recorded with how it came about (e.g. COPY). */
    public RegistrationView bookFor(long sessionId, String username, String actor, RegistrationMethod method) {
        return transactions.run(() -> views.view(doBook(sessionId, username, actor, true, method)));
    }

    /**
     * Puts a person on a session's waiting list through the registration process (a roster copy
     * with status WAITING_LIST): eligibility and approval apply as for a booking, then the queue,
     * and seats that are free are offered to the queue at once, first come, first served.
     */
    public RegistrationView queueFor(long sessionId, String username, String actor, RegistrationMethod method) {
        return transactions.run(() -> {
            TrainingSession session = sessions.get(sessionId);
            Person person = people.get(username);
            registrar.refuseSecondSessionOfCourse(person, session);
            Registration registration = registrar.register(session, person, method, actor, true);
            offerFreeSeats(sessionId, actor);
            return views.view(roster.get(registration.getId()));
        });
    }

    private Registration doBook(long sessionId, String username, String actor, boolean byAdmin,
            RegistrationMethod method) {
        TrainingSession session = sessions.get(sessionId);
        Person person = people.get(username);
        if (byAdmin && session.getStatus() == SessionStatus.DRAFT) {
            throw new ConflictException("The session is a draft: add learners with POST /api/sessions/" + sessionId
                    + "/invitees; they are invited when it is published");
        }
        if (!byAdmin) {
            Decisions.VisibilityCheck check = decisions.visibilityFor(person.profile().viewer());
            Decisions.SessionRules rules = Calendar.rules(session, clock.instant());
            Decisions.Visibility visibility = check.of(rules);
            if (!visibility.visible()) {
                // Not for this person: answered as if it did not exist. For them but closed: say why.
                if (!check.of(Calendar.asIfOpen(rules)).visible()) {
                    throw new NotFoundException("Session", sessionId);
                }
                throw new ConflictException(visibility.reason());
            }
        }
        registrar.refuseSecondSessionOfCourse(person, session);
        return registrar.register(session, person, method, actor);
    }

    /**
     * Registers each person into each session of a course, in the caller's transaction:
     * all or nothing. Sessions are taken in id order, so concurrent requests lock them in the same
     * order. The people are enrolled on the course (source KEY for a key, else MANUAL). With {@code seatRequired} (an enrolment key) every registration must get a seat or
     * wait for an approver: a full session refuses the whole request instead of queueing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<RegistrationView> registerAll(long courseId, Collection<Long> sessionIds,
            Collection<String> usernames, RegistrationMethod method, String actor, boolean seatRequired) {
        List<TrainingSession> targets = sessionIds.stream().distinct().sorted().map(sessions::get).toList();
        targets.stream().filter(t -> t.getCourse().getId() != courseId).findFirst().ifPresent(t -> {
            throw new InvalidInputException("sessionIds", "session " + t.getId() + " is not a session of this course");
        });
        Course course = targets.get(0).getCourse();
        boolean several = targets.size() > 1;
        if (several && !multipleSessions.allowedFor(course)) {
            throw new ConflictException("sessionIds",
                    "course " + course.getCode() + " does not allow enrolment in multiple sessions");
        }
        // every person's row is locked (in id order) before any session row, as a single booking does
        List<Person> persons = usernames.stream().distinct().map(people::get)
                .sorted(Comparator.comparing(Person::getId)).toList();
        for (Person person : persons) {
            for (TrainingSession target : targets) {
                registrar.refuseSecondSessionOfCourse(person, target);
            }
        }
        enrolments.enrolAll(courseId, persons.stream().map(Person::getId).toList(),
                method == RegistrationMethod.KEY ? EnrolmentSource.KEY : EnrolmentSource.MANUAL, actor);
        List<RegistrationView> registered = new ArrayList<>();
        for (Person person : persons) {
            for (TrainingSession target : targets) {
                Registration registration = registrar.register(target, person, method, actor);
                if (seatRequired && registration.getStatus() != RegistrationStatus.REGISTERED
                        && registration.getStatus() != RegistrationStatus.NEEDS_APPROVAL) {
                    throw new SessionFullException(target.getTitle());
                }
                registered.add(views.view(registration));
            }
        }
        return registered;
    }

    /**
     * Moves a registration to another session of the same course: the old one ends (its process
     * with it, its seat to the waiting list) and a new registration process starts in the target.
     * A registration that held a seat must get one in the target, or nothing changes: the learner
     * never holds both seats and never loses the one they had.
     */
    public RegistrationView swap(long registrationId, long toSessionId, String actor) {
        return transactions.run(() -> {
            Registration from = roster.get(registrationId);
            TrainingSession source = sessions.get(from.getSessionId());
            TrainingSession target = sessions.get(toSessionId);
            if (source.getId().equals(target.getId())) {
                throw new ConflictException("sessionId", "the registration is in this session already");
            }
            if (!source.getCourse().getId().equals(target.getCourse().getId())) {
                throw new ConflictException("sessionId", "a registration moves only to a session of the same course");
            }
            roster.lockSessions(source.getId(), target.getId());
            Person person = people.get(from.getPersonId());
            boolean heldSeat = from.getStatus() == RegistrationStatus.REGISTERED;
            boolean seatHeldForQueue = roster.cancel(registrationId, actor, "Swapped to session " + target.getId());
            registrationProcess.cancelled(registrationId);
            Registration to = registrar.register(target, person, RegistrationMethod.ADMIN, actor);
            if (heldSeat && to.getStatus() != RegistrationStatus.REGISTERED) {
                throw new SessionFullException(target.getTitle());
            }
            if (seatHeldForQueue) {
                promotionProcess.start(source.getId(), actor);
            }
            return views.view(to);
        });
    }

    /** Learner (own) or admin. A freed seat goes to the waiting list first. */
    public RegistrationView cancel(long registrationId, String actor, boolean byAdmin, String reason) {
        return transactions.run(() -> views.view(doCancel(registrationId, actor, byAdmin, reason)));
    }

    private Registration doCancel(long registrationId, String actor, boolean byAdmin, String reason) {
        Registration registration = views.visible(registrationId, actor, byAdmin);
        boolean seatHeldForQueue = roster.cancel(registrationId, actor,
                reason == null || reason.isBlank() ? "Cancelled by " + actor : reason);
        registrationProcess.cancelled(registrationId);
        if (seatHeldForQueue) {
            promotionProcess.start(registration.getSessionId(), actor);
        }
        return roster.get(registrationId);
    }

    /** A REGISTERED learner confirms they are coming (the attendance reminder's link). */
    @Transactional
    public RegistrationView confirm(long registrationId, String actor, boolean byAdmin) {
        views.visible(registrationId, actor, byAdmin);
        roster.confirmAttendance(registrationId, actor);
        return views.view(roster.get(registrationId));
    }

    /** Extra seats on a session with a queue are held for it and offered, one promotion per seat. */
    @Transactional
    public void offerFreeSeats(long sessionId, String actor) {
        int held = roster.holdFreeSeatsForQueue(sessionId);
        for (int i = 0; i < held; i++) {
            promotionProcess.start(sessionId, actor);
        }
    }
}
