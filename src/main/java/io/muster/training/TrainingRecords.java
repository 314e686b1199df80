package io.muster.training;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completions and their expiry. */
@Service
public class TrainingRecords {

    private final TrainingRecordRepository records;
    private final Clock clock;

    TrainingRecords(TrainingRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /**
     * A completion from attendance: expires the course's validity months later, or never. One
     * record per registration, however often attendance is recorded again.
     */
    @Transactional
    public void completedBy(long registrationId, long personId, long courseId, Instant completedAt,
            Integer validityMonths) {
        if (records.existsByRegistrationId(registrationId)) {
            return;
        }
        records.save(new TrainingRecord(personId, courseId, completedAt, expiry(completedAt, validityMonths),
                registrationId, "ATTENDANCE", clock.instant()));
    }

    /** A course completed online (its enrolment reached 100 %): expires like any other completion. */
    @Transactional
    public void completedOnline(long personId, long courseId, Instant completedAt, Integer validityMonths) {
        records.save(new TrainingRecord(personId, courseId, completedAt, expiry(completedAt, validityMonths), null,
                "ENROLMENT", clock.instant()));
    }

    /** A completion from before Muster, recorded by an admin with its own expiry (none: it never expires). */
    @Transactional
    public TrainingRecord imported(long personId, long courseId, Instant completedAt, Instant expiresAt) {
        return records.save(new TrainingRecord(personId, courseId, completedAt, expiresAt, null, "IMPORTED",
                clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<TrainingRecord> of(long personId) {
        return records.findByPersonIdOrderByCompletedAtDesc(personId);
    }

    private static Instant expiry(Instant completedAt, Integer validityMonths) {
        return validityMonths == null ? null
                : completedAt.atOffset(ZoneOffset.UTC).plusMonths(validityMonths).toInstant();
    }
}
