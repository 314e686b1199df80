package io.muster.courseitem;

import java.time.Instant;

/** A learner submitted a course item; published inside the submitting transaction. */
public record CourseItemSubmitted(long personId, long courseId, long itemId, Instant at) {
}
