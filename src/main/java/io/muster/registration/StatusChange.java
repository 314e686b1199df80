package io.muster.registration;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step in a registration's history: from, to, when, who, why. Never changed once written. */
@Entity
@Table(name = "registration_status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private RegistrationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private RegistrationStatus toStatus;

    private Instant changedAt;
    private String changedBy;
    private String reason;

    protected StatusChange() {
    }

    StatusChange(RegistrationStatus from, RegistrationStatus to, Instant at, String by, String reason) {
        this.fromStatus = from;
        this.toStatus = to;
        this.changedAt = at;
        this.changedBy = by;
        this.reason = reason;
    }

    public RegistrationStatus getFromStatus() {
        return fromStatus;
    }

    public RegistrationStatus getToStatus() {
        return toStatus;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getReason() {
        return reason;
    }
}
