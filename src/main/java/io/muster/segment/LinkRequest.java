package io.muster.segment;

import jakarta.validation.constraints.NotNull;

/** A course to link to a segment for smart enrolment. */
public record LinkRequest(@NotNull Long courseId) {
}
