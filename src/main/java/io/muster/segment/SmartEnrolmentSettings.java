package io.muster.segment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How smart enrolment works through a segment.
 *
 * @param chunkSize people per transaction (one job each) when a course is linked to or unlinked
 *                  from a segment or its rule changes. Bounded because a chunk's people travel as
 *                  one list of bind parameters, and PostgreSQL takes at most 65,535 per statement.
 */
@Validated
@ConfigurationProperties("muster.smart-enrolment")
record SmartEnrolmentSettings(@Min(1) @Max(MAX_CHUNK_SIZE) int chunkSize) {

    static final int MAX_CHUNK_SIZE = 10_000;
}
