package io.muster.enrolmentkey;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new enrolment key as the API and the coordinator's page ask for it; both check it with these rules. */
public record KeyRequest(@NotNull Long courseId, @NotEmpty @Size(max = 50) List<@NotNull Long> sessionIds,
        @NotNull @Min(1) @Max(100_000) Integer maxUses, @NotNull OffsetDateTime expiresAt) {
}
