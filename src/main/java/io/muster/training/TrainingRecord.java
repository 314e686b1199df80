package io.muster.training;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A completed course for a person, valid until it expires (never, when the course has no validity). */
@Entity
public class TrainingRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long personId;
    private Long courseId;
    private Instant completedAt;
    private Instant expiresAt;
    private Long registrationId;
    private String source;
    private Instant createdAt;

    protected TrainingRecord() {
    }

    TrainingRecord(Long personId, Long courseId, Instant completedAt, Instant expiresAt, Long registrationId,
            String source, Instant createdAt) {
        this.personId = personId;
        this.courseId = courseId;
        this.completedAt = completedAt;
        this.expiresAt = expiresAt;
        this.registrationId = registrationId;
        this.source = source;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getSource() {
        return source;
    }

    public Long getPersonId() {
        return personId;
    }

    public Long getCourseId() {
        return courseId;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Long getRegistrationId() {
        return registrationId;
    }
}
