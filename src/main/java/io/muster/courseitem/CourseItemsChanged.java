package io.muster.courseitem;

import java.time.Instant;

/** An admin added or removed a course item; published inside that transaction. */
public record CourseItemsChanged(long courseId, Instant at) {
}
