package io.muster.session;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.muster.common.ValidTimeZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;

/** A session as an admin creates or edits it, through the API or the coordinator's form. Bounds keep absurd sizes out. */
public record SessionRequest(
        @NotNull Long courseId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 1000) String shortDescription,
        @NotNull OffsetDateTime startsAt,
        @NotBlank @ValidTimeZone String timeZone,
        @NotNull @Min(1) @Max(10080) Integer durationMinutes,
        @NotNull SessionType type,
        @Size(max = 500) String location,
        @Size(max = 2000) @URL(regexp = "^(http|https).*", message = "must be an http(s) URL") String onlineUrl,
        @Size(max = 64) String trainerUsername,
        @Min(1) @Max(100000) Integer capacity,
        Boolean waitingList,
        Boolean approvalRequired,
        @Valid Visibility visibility,
        @Size(max = 50) List<@Valid MaterialRequest> materials) {

    /** Who may see the session; an empty list means All, lists combine with AND. */
    public record Visibility(
            @Size(max = 100) Set<@NotBlank @Size(max = 100) String> departments,
            @Size(max = 100) Set<@NotBlank @Size(max = 100) String> jobRoles,
            @Size(max = 100) Set<@NotBlank @Size(max = 100) String> locations) {
    }

    public record MaterialRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 2000) @URL(regexp = "^(http|https).*", message = "must be an http(s) URL") String url) {
    }

    /** The checked request as the service takes it. */
    public SessionService.Details details() {
        Visibility v = visibility;
        return new SessionService.Details(courseId, title, shortDescription, startsAt.toInstant(), ZoneId.of(timeZone),
                durationMinutes, type, location, onlineUrl, trainerUsername, capacity, Boolean.TRUE.equals(waitingList),
                Boolean.TRUE.equals(approvalRequired),
                v == null ? null : v.departments(), v == null ? null : v.jobRoles(), v == null ? null : v.locations(),
                materials == null ? null : materials.stream().map(m -> new Material(m.name(), m.url())).toList());
    }
}
