package io.muster.registration;

import io.muster.registration.internal.RegistrationFacade;
import io.muster.registration.internal.WaitlistPromotionFacade;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import io.muster.common.ConflictException;
import io.muster.common.ForbiddenException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.common.ProcessTransactions;
import io.muster.course.Course;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentSource;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.roster.Registration;
import io.muster.roster.RegistrationMethod;
import io.muster.roster.RegistrationStatus;
import io.muster.roster.RosterService;
import io.muster.roster.SessionFullException;
import io.muster.rules.Decisions;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.TrainingSession;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookings, cancellations and offer answers as learners and admins ask for them. Each request
 * runs its process synchronously in one transaction: a refusal rolls everything back.
 */
@Service
public class RegistrationService {

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

    RegistrationService(SessionService sessions, PeopleService people, RosterService roster, Decisions decisions,
            RegistrationFacade registrationProcess, WaitlistPromotionFacade promotionProcess, Clock clock,
            ProcessTransactions transactions, MultipleSessionEnrolment multipleSessions, EnrolmentService enrolments) {
        this.multipleSessions = multipleSessions;
        this.enrolments = enrolments;
        this.transactions = transactions;
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
        this.decisions = decisions;
        this.registrationProcess = registrationProcess;
        this.promotionProcess = promotionProcess;
        this.clock = clock;
    }

    /**
     * Books a person into a session. A learner books only sessions visible to them (others are
     * answered as if they did not exist); an admin may book anyone into any open session.
     */
    public RegistrationView book(long sessionId, String username, String actor, boolean byAdmin) {
        return transactions.run(() -> view(doBook(sessionId, username, actor, byAdmin,
                byAdmin ? RegistrationMethod.ADMIN : RegistrationMethod.SELF)));
    }

    /** A booking an admin or enrolment manager makes for someone, recorded with how it came about (e.g. COPY). */
    public RegistrationView bookFor(long sessionId, String username, String actor, RegistrationMethod method) {
        return transactions.run(() -> view(doBook(sessionId, username, actor, true, method)));
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
            refuseSecondSessionOfCourse(person, session);
            Registration registration = register(session, person, method, actor, true);
            offerFreeSeats(sessionId, actor);
            return view(roster.get(registration.getId()));
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
        refuseSecondSessionOfCourse(person, session);
        return register(session, person, method, actor);
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
                refuseSecondSessionOfCourse(person, target);
            }
        }
        enrolments.enrolAll(courseId, persons.stream().map(Person::getId).toList(),
                method == RegistrationMethod.KEY ? EnrolmentSource.KEY : EnrolmentSource.MANUAL, actor);
        List<RegistrationView> registered = new ArrayList<>();
        for (Person person : persons) {
            for (TrainingSession target : targets) {
                Registration registration = register(target, person, method, actor);
                if (seatRequired && registration.getStatus() != RegistrationStatus.REGISTERED
                        && registration.getStatus() != RegistrationStatus.NEEDS_APPROVAL) {
                    throw new SessionFullException(target.getTitle());
                }
                registered.add(view(registration));
            }
        }
        return registered;
    }

    /**
     * Registers one person into one session through the registration process, started in this
     * transaction: eligibility (registration-eligibility), then the seat, the waiting list or the
     * approver's task. A refusal rolls the caller back, process and all.
     */
    private Registration register(TrainingSession session, Person person, RegistrationMethod method, String actor) {
        return register(session, person, method, actor, false);
    }

    private Registration register(TrainingSession session, Person person, RegistrationMethod method, String actor,
            boolean waitingList) {
        roster.findLive(session.getId(), person.getId()).ifPresent(existing -> {
            throw new ConflictException("Already registered for session " + session.getId() + " (registration "
                    + existing.getId() + ")");
        });
        try {
            return roster.get(registrationProcess.book(session.getId(), person.getId(), method, actor, waitingList,
                    Date.from(session.getStartsAt()), Date.from(session.getEndsAt())));
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /** One open registration per course, unless the portal and the course allow several. */
    private void refuseSecondSessionOfCourse(Person person, TrainingSession session) {
        Course course = session.getCourse();
        if (multipleSessions.allowedFor(course)) {
            return;
        }
        roster.openSessionsInCourse(person.getId(), course.getId()).stream()
                .filter(other -> !other.equals(session.getId())).findFirst().ifPresent(other -> {
                    throw new ConflictException(person.getUsername() + " is already registered in session " + other
                            + " of course " + course.getCode() + ", which allows one session per learner"
                            + " (an admin may swap it)");
                });
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
            if (!from.getStatus().isOpen()) {
                throw new ConflictException("Not possible for a registration that is " + from.getStatus());
            }
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
            Registration to = register(target, person, RegistrationMethod.ADMIN, actor);
            if (heldSeat && to.getStatus() != RegistrationStatus.REGISTERED) {
                throw new SessionFullException(target.getTitle());
            }
            if (seatHeldForQueue) {
                promotionProcess.start(source.getId(), actor);
            }
            return view(to);
        });
    }

    /** Learner (own) or admin. A freed seat goes to the waiting list first. */
    public RegistrationView cancel(long registrationId, String actor, boolean byAdmin, String reason) {
        return transactions.run(() -> view(doCancel(registrationId, actor, byAdmin, reason)));
    }

    private Registration doCancel(long registrationId, String actor, boolean byAdmin, String reason) {
        Registration registration = visible(registrationId, actor, byAdmin);
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
        visible(registrationId, actor, byAdmin);
        roster.confirmAttendance(registrationId, actor);
        return view(roster.get(registrationId));
    }

    /** Accepts an open seat offer, or an invitation (a seat, the waiting list, or 409 "Session full"). */
    public RegistrationView accept(long registrationId, String actor, boolean byAdmin) {
        return transactions.run(() -> view(answer(visible(registrationId, actor, byAdmin), true, actor)));
    }

    public RegistrationView decline(long registrationId, String actor, boolean byAdmin) {
        return transactions.run(() -> view(answer(visible(registrationId, actor, byAdmin), false, actor)));
    }

    /**
     * The answer goes to the process that waits for it: the waiting-list promotion for a seat
     * offer, the registration's own process for an invitation.
     */
    private Registration answer(Registration registration, boolean accepted, String actor) {
        long id = registration.getId();
        boolean taken;
        if (registration.hasOpenOffer()) {
            taken = accepted ? promotionProcess.accept(id, actor) : promotionProcess.decline(id, actor);
        } else {
            try {
                taken = registrationProcess.answerInvitation(id, accepted, actor);
            } catch (RuntimeException e) {
                throw translated(e);
            }
        }
        if (!taken) {
            throw new ConflictException("There is no open seat offer or invitation for this registration");
        }
        return roster.get(id);
    }

    /**
     * A calendar reply from the learner's address: accepts or declines an open invitation or seat
     * offer. True when the registration now says what the reply says (a reply handled twice
     * changes nothing the second time); false, changing nothing, for a reply from someone else,
     * for a registration with nothing to answer, or (accepting) when no seat or queue place is
     * left. The session row stays locked meanwhile, so the check holds for the answer.
     */
    @Transactional
    public boolean answerFromCalendar(long registrationId, String attendeeEmail, boolean accepted) {
        Registration registration = roster.find(registrationId).orElse(null);
        if (registration == null) {
            return false;
        }
        Person learner = people.get(registration.getPersonId());
        if (!learner.getEmail().equalsIgnoreCase(attendeeEmail)) {
            return false;
        }
        if (registration.hasOpenOffer()) {
            return accepted ? promotionProcess.accept(registrationId, learner.getUsername())
                    : promotionProcess.decline(registrationId, learner.getUsername());
        }
        if (registration.getStatus() != RegistrationStatus.INVITED) {
            return registration.getStatus() == (accepted ? RegistrationStatus.REGISTERED : RegistrationStatus.DECLINED)
                    || (accepted && registration.getStatus() == RegistrationStatus.WAITING_LIST);
        }
        if (accepted && !roster.invitationAcceptable(registrationId)) {
            return false;
        }
        return registrationProcess.answerInvitation(registrationId, accepted, learner.getUsername());
    }

    /**
     * An admin adds learners to a DRAFT session: NOT_INVITED, all or none. They are invited when
     * the session is published.
     */
    public List<RegistrationView> addInvitees(long sessionId, List<String> usernames, String actor) {
        return transactions.run(() -> {
            TrainingSession session = sessions.get(sessionId);
            List<Person> invitees = new java.util.ArrayList<>();
            for (int i = 0; i < usernames.size(); i++) {
                String username = usernames.get(i);
                String field = "usernames[" + i + "]";
                invitees.add(people.find(username).orElseThrow(() ->
                        new InvalidInputException(field, "unknown person '" + username + "'")));
            }
            invitees.stream().sorted(Comparator.comparing(Person::getId))
                    .forEach(person -> refuseSecondSessionOfCourse(person, session));
            return invitees.stream().map(Person::getId).distinct().map(personId ->
                    view(roster.get(roster.addUninvited(sessionId, personId, RegistrationMethod.ADMIN, actor))))
                    .toList();
        });
    }

    /**
     * Adds a person for an invitation rather than a booking, recorded with how it came about (e.g.
     * COPY): to a DRAFT session as NOT_INVITED (invited when it is published), to a session open for
     * booking INVITED at once, through their registration process (invitation mail, calendar entry).
     */
    public RegistrationView addForInvitation(long sessionId, String username, String actor,
            RegistrationMethod method) {
        return transactions.run(() -> {
            TrainingSession session = sessions.get(sessionId);
            Person person = people.get(username);
            long personId = person.getId();
            refuseSecondSessionOfCourse(person, session);
            if (session.getStatus() == SessionStatus.DRAFT) {
                return view(roster.get(roster.addUninvited(sessionId, personId, method, actor)));
            }
            long id = roster.addToInvite(sessionId, personId, method, actor);
            registrationProcess.invite(id, sessionId, personId, method, actor,
                    Date.from(session.getStartsAt()), Date.from(session.getEndsAt()));
            return view(roster.get(id));
        });
    }

    /** The session was published: each learner added while it was a draft gets their registration process. */
    @Transactional
    public int inviteAll(long sessionId, String actor) {
        TrainingSession session = sessions.get(sessionId);
        List<Registration> uninvited = roster.uninvitedOf(sessionId);
        uninvited.forEach(r -> registrationProcess.invite(r.getId(), sessionId, r.getPersonId(),
                r.getMethod(), actor,
                Date.from(session.getStartsAt()), Date.from(session.getEndsAt())));
        return uninvited.size();
    }

    /**
     * An approval decided outside Tasklist: the registration's approval task is completed as the
     * actor, so the process goes on exactly as after the approver's form (seat, waiting list or declined).
     */
    public RegistrationView decideApproval(long registrationId, boolean approved, String comment, String actor) {
        return transactions.run(() -> {
            roster.get(registrationId);
            if (!registrationProcess.decideApproval(registrationId, approved, comment, actor)) {
                throw new ConflictException("There is no open approval for this registration");
            }
            return view(roster.get(registrationId));
        });
    }

    @Transactional(readOnly = true)
    public RegistrationView view(long registrationId, String username, boolean byAdmin) {
        return view(visible(registrationId, username, byAdmin));
    }

    RegistrationView view(Registration registration) {
        return RegistrationView.of(registration, people.get(registration.getPersonId()).getUsername());
    }

    /** A learner sees only their own registrations; anyone else's look absent. */
    @Transactional(readOnly = true)
    public Registration visible(long registrationId, String username, boolean byAdmin) {
        Registration registration = roster.find(registrationId)
                .orElseThrow(() -> new NotFoundException("Registration", registrationId));
        if (!byAdmin && !people.get(username).getId().equals(registration.getPersonId())) {
            throw new NotFoundException("Registration", registrationId);
        }
        return registration;
    }

    /**
     * A cancelled session: every live registration ends with the reason, and its process tells
     * the learner (with a calendar CANCEL where they had an invitation); open seat offers end.
     */
    @Transactional
    public int endAllFor(long sessionId, String actor, String reason) {
        List<Long> ended = roster.cancelAllOf(sessionId, actor, reason);
        ended.forEach(registrationProcess::cancelled);
        promotionProcess.endAllFor(sessionId, reason);
        return ended.size();
    }

    /** The session moved: every live registration's timers (reminder, end) follow it. */
    @Transactional
    public void rescheduled(long sessionId) {
        TrainingSession session = sessions.get(sessionId);
        Date startsAt = Date.from(session.getStartsAt());
        Date endsAt = Date.from(session.getEndsAt());
        roster.rosterOf(sessionId).stream().filter(r -> r.getStatus().isLive())
                .forEach(r -> registrationProcess.rescheduled(r.getId(), startsAt, endsAt));
    }

    /** Attendance ends each learner's registration process. */
    @Transactional
    public void attended(List<Long> registrationIds) {
        registrationIds.forEach(registrationProcess::attended);
    }

    /** Extra seats on a session with a queue are held for it and offered, one promotion per seat. */
    @Transactional
    public void offerFreeSeats(long sessionId, String actor) {
        int held = roster.holdFreeSeatsForQueue(sessionId);
        for (int i = 0; i < held; i++) {
            promotionProcess.start(sessionId, actor);
        }
    }

    /** Errors a booking's process raised, as the API answers them. */
    private static RuntimeException translated(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConflictException conflict) {
                return conflict;
            }
            if (t instanceof DataIntegrityViolationException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return new ConflictException("Already registered for this session");
            }
        }
        return e;
    }

    @Transactional(readOnly = true)
    List<RegistrationView> rosterOf(long sessionId) {
        return roster.rosterOf(sessionId).stream().map(this::view).toList();
    }
}
