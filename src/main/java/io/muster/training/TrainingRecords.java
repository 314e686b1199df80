package io.muster.training;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

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
        Instant expires = validityMonths == null ? null
                : completedAt.atOffset(ZoneOffset.UTC).plusMonths(validityMonths).toInstant();
        records.save(new TrainingRecord(personId, courseId, completedAt, expires, registrationId, "ATTENDANCE",
                clock.instant()));
    }
}
