package io.muster.course;

import java.util.function.BooleanSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a learner may hold places in several sessions of one course: the portal switch must be
 * on and the course must allow it. Otherwise one open registration per course, changed by a swap.
 * The switch is read only for courses that allow several sessions, so other bookings never ask.
 */
@Component
public class MultipleSessionEnrolment {

    private final BooleanSupplier portalEnabled;

    @Autowired
    MultipleSessionEnrolment(MultipleSessionSetting setting) {
        this(setting::enabled);
    }

    MultipleSessionEnrolment(BooleanSupplier portalEnabled) {
        this.portalEnabled = portalEnabled;
    }

    public boolean allowedFor(Course course) {
        return course.isAllowMultipleSessions() && portalEnabled.getAsBoolean();
    }
}
