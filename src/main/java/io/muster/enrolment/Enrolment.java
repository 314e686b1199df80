package io.muster.enrolment;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;

/**
 * A person's enrolment on a course. Bulk changes go through set-based SQL in
 * {@link EnrolmentService}; single changes through this entity, with the same rules.
 */
@Entity
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long personId;
    private Long courseId;

    @Enumerated(EnumType.STRING)
    private EnrolmentStatus status;

    @Enumerated(EnumType.STRING)
    private EnrolmentSource.Kind method;

    private String methodLabel;
    private Instant enrolledAt;
    private String enrolledBy;
    private int progress;
    private Instant completedAt;
    private Instant endedAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "enrolment_source", joinColumns = @JoinColumn(name = "enrolment_id"))
    @Column(name = "source")
    private Set<String> sources = new HashSet<>();

    @Version
    private long version;

    protected Enrolment() {
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public Long getCourseId() {
        return courseId;
    }

    public EnrolmentStatus getStatus() {
        return status;
    }

    public EnrolmentSource.Kind getMethod() {
        return method;
    }

    /** How the enrolment was made and when, as admins see it: "Automatic, 2026-11-24". */
    public String getMethodLabel() {
        return methodLabel;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    public String getEnrolledBy() {
        return enrolledBy;
    }

    public int getProgress() {
        return progress;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Set<String> getSources() {
        return Set.copyOf(sources);
    }

    boolean hasSource(EnrolmentSource source) {
        return sources.contains(source.value());
    }

    boolean hasSegmentSource() {
        return sources.stream().anyMatch(s -> s.startsWith("SEGMENT:"));
    }

    /** Takes one source away; the enrolment ends when none is left, its progress kept. */
    boolean removeSource(EnrolmentSource source, Instant now) {
        sources.remove(source.value());
        if (!sources.isEmpty() || status.isEnded()) {
            return false;
        }
        status = EnrolmentStatus.UNENROLLED;
        endedAt = now;
        updatedAt = now;
        return true;
    }

    void cancel(Instant now) {
        status = EnrolmentStatus.CANCELLED;
        sources.clear();
        endedAt = now;
        updatedAt = now;
    }

    void recordProgress(int percent, Instant now) {
        progress = percent;
        if (percent == 100) {
            status = EnrolmentStatus.COMPLETED;
            completedAt = now;
        } else {
            status = EnrolmentStatus.IN_PROGRESS;
        }
        updatedAt = now;
    }

    void fail(Instant now) {
        status = EnrolmentStatus.FAILED;
        updatedAt = now;
    }
}
