package io.muster.people;

import java.util.Map;

import io.muster.common.ValidTimeZone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A whole profile as an admin edits it; the login is managed in Camunda Admin. */
public record ProfileUpdate(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 100) String department,
        @Size(max = 100) String jobRole,
        @Size(max = 100) String location,
        @NotNull EmploymentType employmentType,
        @Size(max = 64) String managerUsername,
        @NotBlank @ValidTimeZone String timeZone,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 500) String> profileFields) {
}
