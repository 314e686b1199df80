package io.muster.segment;

import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A segment's name and rule, to create it or to replace both: {@code rule} maps a profile field
 * (department, jobRole, location, employmentType or a custom profile field) to its allowed
 * values; a person must match every field named.
 */
public record SegmentRequest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 20) Map<@NotBlank @Size(max = 100) String,
                @NotEmpty @Size(max = 200) Set<@NotBlank @Size(max = 500) String>> rule) {
}
