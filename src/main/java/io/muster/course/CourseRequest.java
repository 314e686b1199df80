package io.muster.course;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/** A course as an admin writes it, through the API or the coordinator's course form: its rules in one place. */
public record CourseRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-'")
        String code,
        @NotBlank @Size(max = 200) String title,
        @NotNull CourseKind kind,
        @NotNull Boolean required,
        @Min(1) @Max(600) Integer validityMonths,
        @NotNull EnrolmentMethod enrolmentMethod,
        Boolean allowMultipleSessions,
        Boolean allowFailure,
        @Size(max = 2000) @URL(regexp = "^(http|https).*", message = "must be an http(s) URL") String launchUrl) {
}
