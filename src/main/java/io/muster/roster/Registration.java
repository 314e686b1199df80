package io.muster.roster;

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
    public void moveTo(RegistrationStatus to, Instant at, String by, String reason) {
        if (!RegistrationStatus.allows(status, to)) {
            throw new ConflictException(status == null ? "A registration cannot start as " + to
                    : "A registration cannot go from " + status + " to " + to);
        }
        history.add(new StatusChange(status, to, at, by, reason));
        this.status = to;
        this.updatedAt = at;
    }

    /** A waiting-list offer: the seat is held for this registration until the offer expires. */
    void offer(Instant expiresAt, Instant at, String by) {
        moveTo(RegistrationStatus.INVITED, at, by, "Seat offered until " + expiresAt);
        this.offerExpiresAt = expiresAt;
    }

    void closeOffer(RegistrationStatus to, Instant at, String by, String reason) {
        moveTo(to, at, by, reason);
        this.offerExpiresAt = null;
    }

    /** True while a waiting-list offer is open. */
    public boolean hasOpenOffer() {
        return status == RegistrationStatus.INVITED && offerExpiresAt != null;
    }

    /** Joins the waiting list now: the queue position is the time of joining, not of being added. */
    void queueFrom(Instant at) {
        this.requestedAt = at;
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
