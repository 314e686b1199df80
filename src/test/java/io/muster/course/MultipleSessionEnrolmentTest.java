package io.muster.course;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultipleSessionEnrolmentTest {

    private static Course course(boolean allowMultipleSessions) {
        Course course = new Course("C1");
        course.update("C1", "Course", CourseKind.ILT, EnrolmentMethod.SELF, false, null, allowMultipleSessions, false,
                null);
        return course;
    }

    @Test
    void severalSessionsNeedBothThePortalSwitchAndTheCourseSwitch() {
        assertThat(new MultipleSessionEnrolment(() -> true).allowedFor(course(true))).isTrue();
        assertThat(new MultipleSessionEnrolment(() -> true).allowedFor(course(false))).isFalse();
        assertThat(new MultipleSessionEnrolment(() -> false).allowedFor(course(true))).isFalse();
    }
}
