package io.muster.enrolmentkey;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

/**
 * A code that registers its holder into all of its sessions at once. Uses are counted only by
 * {@link EnrolmentKeyRepository#use}, one conditional update on this row, never through the entity.
 */
@Entity
public class EnrolmentKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private Long courseId;
    private int maxUses;

    @Column(insertable = false, updatable = false)
    private int uses;

    private Instant expiresAt;
    private String createdBy;
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "enrolment_key_session", joinColumns = @JoinColumn(name = "key_id"))
    @Column(name = "session_id")
    private Set<Long> sessionIds = new TreeSet<>();

    protected EnrolmentKey() {
    }

    EnrolmentKey(String code, long courseId, Set<Long> sessionIds, int maxUses, Instant expiresAt, String createdBy,
            Instant createdAt) {
        this.code = code;
        this.courseId = courseId;
        this.sessionIds = new TreeSet<>(sessionIds);
        this.maxUses = maxUses;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Long getCourseId() {
        return courseId;
    }

    public int getMaxUses() {
        return maxUses;
    }

    public int getUses() {
        return uses;
    }

    public int getUsesLeft() {
        return maxUses - uses;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Set<Long> getSessionIds() {
        return new TreeSet<>(sessionIds);
    }
}
