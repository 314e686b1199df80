package io.muster.autoenrol;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A course's auto-enrol settings as an admin sets them, through the API or the coordinator's course page. */
public record CourseAutoEnrolRequest(@NotNull Boolean enabled, @Min(1) @Max(365) Integer leadDays,
        Boolean includeSubcontractors, Boolean includeOptional) {

    /** The settings it makes: without lead days the default, unset switches off. */
    public AutoEnrolSettings.CourseSettings settingsOf(long courseId) {
        return new AutoEnrolSettings.CourseSettings(courseId, enabled,
                leadDays == null ? AutoEnrolSettings.DEFAULT_LEAD_DAYS : leadDays,
                Boolean.TRUE.equals(includeSubcontractors), Boolean.TRUE.equals(includeOptional));
    }
}
