package io.muster.people;

import java.util.Map;
import java.util.Set;

import io.muster.common.ValidTimeZone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person as an admin creates them, through the API or the page; {@code groups} defaults to {@code learners}. */
public record PersonRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}",
                message = "2 to 64 lower-case letters, digits, '.', '_' or '-'") String username,
        @NotBlank @Size(min = 8, max = 128) String password,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 100) String department,
        @Size(max = 100) String jobRole,
        @Size(max = 100) String location,
        @NotNull EmploymentType employmentType,
        @Size(max = 64) String managerUsername,
        @NotBlank @ValidTimeZone String timeZone,
        @Size(max = 5) Set<@NotBlank String> groups,
        @Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 500) String> profileFields) {
}
