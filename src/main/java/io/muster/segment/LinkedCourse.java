package io.muster.segment;

import java.time.Instant;

/** A course linked to a segment for smart enrolment, as admins see it. */
public record LinkedCourse(long courseId, String code, String title, Instant linkedAt, String linkedBy) {
}
