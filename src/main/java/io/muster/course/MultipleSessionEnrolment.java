package io.muster.course;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether a learner may hold places in several sessions of one course: the portal switch must be
 * on and the course must allow it. Otherwise one open registration per course, changed by a swap.
 */
@Component
public class MultipleSessionEnrolment {

    private final boolean portalEnabled;

    MultipleSessionEnrolment(@Value("${muster.courses.multiple-session-enrolment:false}") boolean portalEnabled) {
        this.portalEnabled = portalEnabled;
    }

    public boolean allowedFor(Course course) {
        return portalEnabled && course.isAllowMultipleSessions();
    }
}
