package io.muster.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.muster.common.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * One roster line: a person in a session. Session and person are referenced by id, so the roster
 * does not reach into the catalogue's aggregates. Every status change is kept.
 */
@Entity
public class Registration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long sessionId;
    private Long personId;

    @Enumerated(EnumType.STRING)
    private RegistrationStatus status;

    @Enumerated(EnumType.STRING)
    private RegistrationMethod method;

    /** The queue position: first come, first served. */
    private Instant requestedAt;

    private Instant offerExpiresAt;
    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "registration_id", nullable = false, updatable = false)
    @OrderBy("changedAt, id")
    private List<StatusChange> history = new ArrayList<>();

    @Version
    private long version;

    protected Registration() {
    }

    public Registration(Long sessionId, Long personId, RegistrationStatus status, RegistrationMethod method,
            Instant now, String by, String reason) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.method = method;
        this.requestedAt = now;
        this.createdAt = now;
        moveTo(status, now, by, reason);
    }

    /**
     * Moves to another status and records it in the history; a move the learner-status table does
     * not allow is refused (409) and changes nothing.
     */
    void moveTo(RegistrationStatus to, Instant at, String by, String reason) {
        if (!RegistrationStatus.allows(status, to)) {
            throw new ConflictException(status == null ? "A registration cannot start as " + to
                    : "A registration cannot go from " + status + " to " + to);
        }
        history.add(new StatusChange(status, to, at, by, reason));
        this.status = to;
        this.updatedAt = at;
    }

    /**
     * An approver's answer to a registration that waits for one: {@code to} is where it goes (a
     * seat, the waiting list, or ended when the session filled or closed meanwhile).
     */
    void decideApproval(RegistrationStatus to, Instant at, String by, String reason) {
        require(status == RegistrationStatus.NEEDS_APPROVAL, "Not possible for a registration that is " + status);
        moveTo(to, at, by, reason);
    }

    /** Ends an open registration. True when it held a seat (its own or an offered one) that is now free. */
    boolean cancel(Instant at, String by, String reason) {
        require(status.isOpen(), "Not possible for a registration that is " + status);
        boolean heldSeat = status == RegistrationStatus.REGISTERED || hasOpenOffer();
        closeOffer(RegistrationStatus.CANCELLED, at, by, reason);
        return heldSeat;
    }

    /** A waiting-list offer: the seat is held for this registration until the offer expires. */
    void offer(Instant expiresAt, Instant at, String by) {
        moveTo(RegistrationStatus.INVITED, at, by, "Seat offered until " + expiresAt);
        this.offerExpiresAt = expiresAt;
    }

    /** The learner takes the offered seat, or the offer ends unaccepted (declined or expired). */
    void answerOffer(boolean accepted, Instant at, String by, String reason) {
        require(hasOpenOffer(), "There is no open seat offer for this registration");
        closeOffer(accepted ? RegistrationStatus.REGISTERED : RegistrationStatus.DECLINED, at, by, reason);
    }

    /** The session was published: the learner added to its draft is invited. */
    void invite(Instant at, String by) {
        require(status == RegistrationStatus.NOT_INVITED, "Not possible for a registration that is " + status);
        moveTo(RegistrationStatus.INVITED, at, by, "Invited: the session was published");
    }

    /** True while an invitation (not a seat offer) waits for the learner's answer. */
    boolean hasOpenInvitation() {
        return status == RegistrationStatus.INVITED && offerExpiresAt == null;
    }

    /**
     * The learner answers their invitation: {@code to} is a seat, the waiting list (queued from
     * now: the place in line is the time of joining, not of being added) or DECLINED.
     */
    void answerInvitation(RegistrationStatus to, Instant at, String by, String reason) {
        require(hasOpenInvitation(), "There is no open invitation for this registration");
        if (to == RegistrationStatus.WAITING_LIST) {
            this.requestedAt = at;
        }
        moveTo(to, at, by, reason);
    }

    /** A registered learner says they are still coming: kept in the history. */
    void confirmAttendance(Instant at, String by) {
        require(status == RegistrationStatus.REGISTERED, "Not possible for a registration that is " + status);
        moveTo(RegistrationStatus.REGISTERED, at, by, "Attendance confirmed");
    }

    /** Whether this registration counts as booked for the attendance list (and may be corrected there). */
    boolean onAttendanceList() {
        return status == RegistrationStatus.REGISTERED || status == RegistrationStatus.ATTENDED
                || status == RegistrationStatus.ABSENT;
    }

    /** Attended or absent, as the trainer records it; recording the same again changes nothing. */
    void recordAttendance(RegistrationStatus to, Instant at, String by) {
        require(onAttendanceList(), "Person " + personId + " is not registered for this session");
        if (status != to) {
            moveTo(to, at, by, "Attendance recorded");
        }
    }

    /** A walk-in on an open line: GO_SHOW, whatever the learner was waiting for. */
    void walkIn(Instant at, String by) {
        if (status != RegistrationStatus.GO_SHOW) {
            closeOffer(RegistrationStatus.GO_SHOW, at, by, "Walked in");
        }
    }

    private void closeOffer(RegistrationStatus to, Instant at, String by, String reason) {
        moveTo(to, at, by, reason);
        this.offerExpiresAt = null;
    }

    private static void require(boolean allowed, String refusal) {
        if (!allowed) {
            throw new ConflictException(refusal);
        }
    }

    /** True while a waiting-list offer is open. */
    public boolean hasOpenOffer() {
        return status == RegistrationStatus.INVITED && offerExpiresAt != null;
    }

    public Long getId() {
        return id;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getPersonId() {
        return personId;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public RegistrationMethod getMethod() {
        return method;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getOfferExpiresAt() {
        return offerExpiresAt;
    }

    public List<StatusChange> getHistory() {
        return List.copyOf(history);
    }
}
