package io.muster.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.muster.common.ConflictException;
import io.muster.common.NotFoundException;
import io.muster.people.PersonLock;
import io.muster.registration.internal.RegistrationRepository;
import io.muster.registration.internal.SeatLedger;
import io.muster.registration.internal.SessionSeats;
import io.muster.session.SessionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roster's rules for seats and statuses. Each operation locks the session row first, so
 * seats never exceed capacity and the waiting list keeps its order, however many bookings,
 * cancellations and offers run at once on however many nodes.
 */
@Service
public class RosterService {

    private final RegistrationRepository registrations;
    private final SeatLedger seats;
    private final PersonLock personLock;
    private final Clock clock;

    RosterService(RegistrationRepository registrations, SeatLedger seats, PersonLock personLock, Clock clock) {
        this.registrations = registrations;
        this.seats = seats;
        this.personLock = personLock;
        this.clock = clock;
    }

    /** What a seat request ended in. */
    public record Booking(long registrationId, RegistrationStatus status) {
    }

    /** A waiting-list offer made: who got it and until when. */
    public record Offer(long registrationId, Instant expiresAt) {
    }

    /**
     * Books a seat for a new registration: a free seat when nobody is queued before, else the
     * waiting list when the session has one, else "Session full" and nothing is stored.
     */
    @Transactional
    public Booking book(long sessionId, long personId, RegistrationMethod method, String actor) {
        SessionSeats session = openForBooking(sessionId);
        Instant now = clock.instant();
        RegistrationStatus status = placeFor(session);
        if (status == null) {
            throw new SessionFullException();
        }
        Registration registration = registrations.save(new Registration(sessionId, personId, status, method, now,
                actor, status == RegistrationStatus.REGISTERED ? "Seat booked" : "Session full: on the waiting list"));
        takeSeatFor(registration);
        return new Booking(registration.getId(), status);
    }

    /**
     * Puts a new registration at the back of the waiting list, free seats or not (a roster copy
     * asked for it); the caller offers free seats to the queue. Refused when the session has no
     * waiting list.
     */
    @Transactional
    public Booking joinWaitingList(long sessionId, long personId, RegistrationMethod method, String actor) {
        SessionSeats session = openForBooking(sessionId);
        if (!session.waitingList()) {
            throw new ConflictException("The session has no waiting list");
        }
        Registration registration = registrations.save(new Registration(sessionId, personId,
                RegistrationStatus.WAITING_LIST, method, clock.instant(), actor, "Placed on the waiting list"));
        return new Booking(registration.getId(), RegistrationStatus.WAITING_LIST);
    }

    /** A registration that waits for an approver; it holds no seat yet. */
    @Transactional
    public long awaitApproval(long sessionId, long personId, RegistrationMethod method, String actor, String reason) {
        openForBooking(sessionId);
        return registrations.save(new Registration(sessionId, personId, RegistrationStatus.NEEDS_APPROVAL, method,
                clock.instant(), actor, reason)).getId();
    }

    /** Approved: a seat, the waiting list, or cancelled when the session filled up meanwhile. */
    @Transactional
    public RegistrationStatus approve(long registrationId, String approver, String comment) {
        Registration registration = get(registrationId);
        SessionSeats session = seats.lock(registration.getSessionId());
        Instant now = clock.instant();
        if (!bookableNow(session)) {
            registration.decideApproval(RegistrationStatus.APPROVAL_DECLINED, now, approver,
                    "Approved after the session closed for booking");
            return registration.getStatus();
        }
        String why = comment == null || comment.isBlank() ? "Approved" : "Approved: " + comment;
        RegistrationStatus status = placeFor(session);
        if (status == null) {
            registration.decideApproval(RegistrationStatus.CANCELLED, now, approver, why + "; but the session is full");
        } else {
            registration.decideApproval(status, now, approver,
                    status == RegistrationStatus.REGISTERED ? why : why + "; session full: on the waiting list");
            takeSeatFor(registration);
        }
        return registration.getStatus();
    }

    @Transactional
    public void declineApproval(long registrationId, String actor, String reason) {
        get(registrationId).decideApproval(RegistrationStatus.APPROVAL_DECLINED, clock.instant(), actor, reason);
    }

    /**
     * Cancels a live registration. Returns true when the freed seat is now held for the waiting
     * list (the caller starts the promotion); otherwise the seat, if any, is back in the pool.
     */
    @Transactional
    public boolean cancel(long registrationId, String actor, String reason) {
        Registration registration = get(registrationId);
        SessionSeats session = seats.lock(registration.getSessionId());
        boolean heldSeat = registration.cancel(clock.instant(), actor, reason);
        return heldSeat && passSeatOn(session);
    }

    /**
     * Offers a held seat to the head of the waiting list for as long as the policy says (never
     * past the start). Returns null, and releases the seat, when nobody is waiting.
     */
    @Transactional
    public Offer offerHeldSeat(long sessionId, String actor, ToIntFunction<Duration> offerHoursBeforeStart) {
        SessionSeats session = seats.lock(sessionId);
        Registration head = registrations.findFirstBySessionIdAndStatusOrderByRequestedAtAscIdAsc(sessionId,
                RegistrationStatus.WAITING_LIST).orElse(null);
        Instant now = clock.instant();
        if (head == null || !session.startsAt().isAfter(now)) {
            seats.release(sessionId);
            return null;
        }
        Duration untilStart = Duration.between(now, session.startsAt());
        Instant expires = now.plus(Duration.ofHours(offerHoursBeforeStart.applyAsInt(untilStart)));
        if (expires.isAfter(session.startsAt())) {
            expires = session.startsAt();
        }
        head.offer(expires, now, actor);
        return new Offer(head.getId(), expires);
    }

    @Transactional
    public void acceptOffer(long registrationId, String actor) {
        withSessionLocked(registrationId).answerOffer(true, clock.instant(), actor, "Offer accepted");
    }

    /** Declined or expired: the registration ends; the seat stays held for the next in line. */
    @Transactional
    public void closeOfferUnaccepted(long registrationId, String actor, String reason) {
        withSessionLocked(registrationId).answerOffer(false, clock.instant(), actor, reason);
    }

    /**
     * An admin adds a learner to a DRAFT session: on the roster without a seat, invited only when
     * the session is published.
     */
    @Transactional
    public long addUninvited(long sessionId, long personId, RegistrationMethod method, String actor) {
        SessionSeats session = seats.lock(sessionId);
        if (session.status() != SessionStatus.DRAFT) {
            throw new ConflictException("Learners are added uninvited only to a DRAFT session; book them instead");
        }
        return addNotInvited(sessionId, personId, method, actor, "Added to the draft session");
    }

    /**
     * A learner to be invited to a session open for booking: NOT_INVITED until their registration
     * process sends the invitation, which it does at once. No seat is held until they accept.
     */
    @Transactional
    public long addToInvite(long sessionId, long personId, RegistrationMethod method, String actor) {
        openForBooking(sessionId);
        return addNotInvited(sessionId, personId, method, actor, "Added to be invited");
    }

    private long addNotInvited(long sessionId, long personId, RegistrationMethod method, String actor,
            String reason) {
        registrations.findLive(sessionId, personId).ifPresent(existing -> {
            throw new ConflictException("Already on the roster of this session (registration " + existing.getId() + ")");
        });
        return registrations.save(new Registration(sessionId, personId, RegistrationStatus.NOT_INVITED, method,
                clock.instant(), actor, reason)).getId();
    }

    /** The registrations waiting for the session to be published. */
    @Transactional(readOnly = true)
    public List<Registration> uninvitedOf(long sessionId) {
        return registrations.findBySessionIdOrderByRequestedAtAscIdAsc(sessionId).stream()
                .filter(r -> r.getStatus() == RegistrationStatus.NOT_INVITED).toList();
    }

    /** The session was published: the learner is invited. No seat is held until they accept. */
    @Transactional
    public void invite(long registrationId, String actor) {
        get(registrationId).invite(clock.instant(), actor);
    }

    /**
     * An invitation accepted: a free seat when nobody queues before, else the back of the waiting
     * list, else "Session full" and nothing changes.
     */
    @Transactional
    public RegistrationStatus acceptInvitation(long registrationId, String actor) {
        Registration registration = get(registrationId);
        SessionSeats session = seats.lock(registration.getSessionId());
        if (!bookableNow(session)) {
            throw new ConflictException("The session is not open for booking");
        }
        RegistrationStatus status = placeFor(session);
        if (status == null) {
            throw new SessionFullException();
        }
        registration.answerInvitation(status, clock.instant(), actor, status == RegistrationStatus.REGISTERED
                ? "Invitation accepted" : "Invitation accepted; session full: on the waiting list");
        takeSeatFor(registration);
        return status;
    }

    /**
     * Whether accepting the invitation now would succeed. Locks the session row until the caller's
     * transaction ends, so an acceptance in the same transaction cannot be overtaken.
     */
    @Transactional
    public boolean invitationAcceptable(long registrationId) {
        Registration registration = registrations.findById(registrationId).orElse(null);
        if (registration == null || !registration.hasOpenInvitation()) {
            return false;
        }
        SessionSeats session = seats.lock(registration.getSessionId());
        return bookableNow(session) && placeFor(session) != null;
    }

    /** The learner says they are still coming (the attendance reminder's link): kept in the history. */
    @Transactional
    public void confirmAttendance(long registrationId, String actor) {
        Registration registration = get(registrationId);
        SessionSeats session = seats.lock(registration.getSessionId());
        if (!session.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("The session has already started");
        }
        registration.confirmAttendance(clock.instant(), actor);
    }

    @Transactional
    public void declineInvitation(long registrationId, String actor, String reason) {
        get(registrationId).answerInvitation(RegistrationStatus.DECLINED, clock.instant(), actor, reason);
    }

    /** One learner's attendance as recorded. */
    public record Attendance(long registrationId, long personId, RegistrationStatus status) {
    }

    /**
     * Records who attended: registered learners become ATTENDED or ABSENT (and may be corrected
     * later); a walk-in becomes GO_SHOW, on their open registration or a new one. Seats are not
     * touched: the session has started.
     */
    @Transactional
    public List<Attendance> recordAttendance(long sessionId, Map<Long, RegistrationStatus> registered,
            List<Long> walkIns, String actor) {
        seats.lock(sessionId);
        Instant now = clock.instant();
        List<Attendance> recorded = new java.util.ArrayList<>();
        registered.forEach((personId, status) -> {
            Registration r = registrations.findLive(sessionId, personId)
                    .orElseThrow(() -> new ConflictException("Person " + personId + " is not registered for this session"));
            r.recordAttendance(status, now, actor);
            recorded.add(new Attendance(r.getId(), personId, status));
        });
        for (Long personId : walkIns) {
            Registration r = registrations.findLive(sessionId, personId).orElse(null);
            if (r == null) {
                r = registrations.save(new Registration(sessionId, personId, RegistrationStatus.GO_SHOW,
                        RegistrationMethod.WALK_IN, now, actor, "Walked in"));
            } else {
                r.walkIn(now, actor);
            }
            recorded.add(new Attendance(r.getId(), personId, RegistrationStatus.GO_SHOW));
        }
        return recorded;
    }

    /** The session was called off: every live registration ends with the reason. Returns their ids. */
    @Transactional
    public List<Long> cancelAllOf(long sessionId, String actor, String reason) {
        seats.lock(sessionId);
        Instant now = clock.instant();
        return registrations.findBySessionIdOrderByRequestedAtAscIdAsc(sessionId).stream()
                .filter(r -> r.getStatus().isOpen())
                .map(r -> {
                    r.cancel(now, actor, reason);
                    return r.getId();
                })
                .toList();
    }

    /**
     * Holds free seats for the waiting list (after capacity was raised): as many as there are
     * free seats and people waiting. The caller offers each one.
     */
    @Transactional
    public int holdFreeSeatsForQueue(long sessionId) {
        SessionSeats session = seats.lock(sessionId);
        long free = session.capacity() == null ? session.queued() : session.capacity() - session.seatsTaken();
        int held = (int) Math.max(0, Math.min(free, session.queued()));
        for (int i = 0; i < held; i++) {
            seats.take(sessionId);
        }
        return held;
    }

    /**
     * The sessions of a course in which the person holds or waits for a place. The person's row
     * stays locked until the transaction ends: a one-session-per-course check made on this answer
     * cannot race another booking of the same person.
     */
    @Transactional
    public List<Long> openSessionsInCourse(long personId, long courseId) {
        personLock.hold(personId);
        return registrations.openSessionsInCourse(personId, courseId).stream().map(Number::longValue).toList();
    }

    /** The person's registrations in the course's sessions, earliest session first. */
    @Transactional(readOnly = true)
    public List<Registration> ofPersonInCourse(long personId, long courseId) {
        return registrations.findByPersonInCourse(personId, courseId);
    }

    /** Which of these sessions the person attended (ATTENDED or a walk-in). */
    @Transactional(readOnly = true)
    public Set<Long> attended(long personId, java.util.Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(registrations.sessionsInStatus(personId, sessionIds,
                EnumSet.of(RegistrationStatus.ATTENDED, RegistrationStatus.GO_SHOW)));
    }

    /** Every registration in the course's sessions, per person, earliest session first. */
    @Transactional(readOnly = true)
    public List<Registration> ofCourse(long courseId) {
        return registrations.findByCourse(courseId);
    }

    /** Locks two sessions' rows in id order, so swaps in opposite directions never deadlock. */
    @Transactional
    public void lockSessions(long oneSessionId, long otherSessionId) {
        seats.lock(Math.min(oneSessionId, otherSessionId));
        seats.lock(Math.max(oneSessionId, otherSessionId));
    }

    @Transactional(readOnly = true)
    public Optional<Registration> find(long registrationId) {
        return registrations.findById(registrationId);
    }

    @Transactional(readOnly = true)
    public Optional<Registration> findLive(long sessionId, long personId) {
        return registrations.findLive(sessionId, personId);
    }

    /** A person's registration that has not ended, as values for read paths. */
    public record LiveRegistration(long id, long sessionId, RegistrationStatus status) {
    }

    @Transactional(readOnly = true)
    public List<LiveRegistration> liveValuesOf(long personId) {
        return registrations.findLiveValues(personId);
    }

    /** The person's live registration in the session, else their latest ended one. */
    @Transactional(readOnly = true)
    public Optional<Registration> latestOf(long sessionId, long personId) {
        return registrations.findLive(sessionId, personId)
                .or(() -> registrations.findFirstBySessionIdAndPersonIdOrderByIdDesc(sessionId, personId));
    }

    /** Every registration of the person, the latest session first. */
    @Transactional(readOnly = true)
    public List<Registration> ofPerson(long personId) {
        return registrations.findByPerson(personId);
    }

    /** A waiting registration's place in its queue, 1 for the next to be offered a seat; null when not waiting. */
    @Transactional(readOnly = true)
    public Integer queuePosition(Registration registration) {
        if (registration.getStatus() != RegistrationStatus.WAITING_LIST) {
            return null;
        }
        return 1 + (int) registrations.countQueuedAhead(registration.getSessionId(), registration.getRequestedAt(),
                registration.getId());
    }

    @Transactional(readOnly = true)
    public Map<Long, Long> countInStatuses(Collection<Long> sessionIds, Collection<RegistrationStatus> statuses) {
        Map<Long, Long> counts = new HashMap<>();
        registrations.countBySessionInStatuses(sessionIds, statuses)
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    @Transactional(readOnly = true)
    public List<Registration> rosterOf(long sessionId) {
        return registrations.findBySessionIdOrderByRequestedAtAscIdAsc(sessionId);
    }

    @Transactional(readOnly = true)
    public Registration get(long registrationId) {
        return registrations.findById(registrationId)
                .orElseThrow(() -> new NotFoundException("Registration", registrationId));
    }

    /** The registration, its session's row locked until the transaction ends. */
    private Registration withSessionLocked(long registrationId) {
        Registration registration = get(registrationId);
        seats.lock(registration.getSessionId());
        return registration;
    }

    private boolean passSeatOn(SessionSeats session) {
        if (session.queued() > 0 && session.startsAt().isAfter(clock.instant())) {
            return true;
        }
        seats.release(session.sessionId());
        return false;
    }

    /** A registration that has just been given a seat takes it from the session's count. */
    private void takeSeatFor(Registration registration) {
        if (registration.getStatus() == RegistrationStatus.REGISTERED) {
            seats.take(registration.getSessionId());
        }
    }

    /** A free seat when nobody queues before; else the waiting list if there is one; else null (full). */
    private static RegistrationStatus placeFor(SessionSeats session) {
        if (session.hasFreeSeat() && session.queued() == 0) {
            return RegistrationStatus.REGISTERED;
        }
        return session.waitingList() ? RegistrationStatus.WAITING_LIST : null;
    }

    private boolean bookableNow(SessionSeats session) {
        return session.status() == SessionStatus.SCHEDULED && session.startsAt().isAfter(clock.instant());
    }

    private SessionSeats openForBooking(long sessionId) {
        SessionSeats session = seats.lock(sessionId);
        if (session.status() != SessionStatus.SCHEDULED) {
            throw new ConflictException("The session is not open for booking");
        }
        if (!session.startsAt().isAfter(clock.instant())) {
            throw new ConflictException("The session has already started");
        }
        return session;
    }

}
