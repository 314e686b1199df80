package io.muster.segment;

import java.util.Optional;

import io.muster.course.EnrolmentMethod;
import io.muster.course.EnrolmentMethodGuard;
import org.springframework.stereotype.Component;

/** A course linked to a segment stays "by assignment only" (seed 002) until every link is gone. */
@Component
class LinkedCourseMethod implements EnrolmentMethodGuard {

    private final SegmentLinks links;

    LinkedCourseMethod(SegmentLinks links) {
        this.links = links;
    }

    @Override
    public Optional<String> refusal(long courseId, EnrolmentMethod to) {
        return to != EnrolmentMethod.ASSIGNMENT_ONLY && links.isLinked(courseId)
                ? Optional.of("the course is linked to a segment for smart enrolment, which needs ASSIGNMENT_ONLY; "
                        + "unlink it first")
                : Optional.empty();
    }
}
