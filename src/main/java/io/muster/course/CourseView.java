package io.muster.course;

public record CourseView(Long id, String code, String title, CourseKind kind, boolean required, Integer validityMonths,
        EnrolmentMethod enrolmentMethod, boolean allowMultipleSessions, boolean allowFailure, String launchUrl) {

    public static CourseView of(Course c) {
        return new CourseView(c.getId(), c.getCode(), c.getTitle(), c.getKind(), c.isRequired(), c.getValidityMonths(),
                c.getEnrolmentMethod(), c.isAllowMultipleSessions(), c.isAllowFailure(), c.getLaunchUrl());
    }
}
