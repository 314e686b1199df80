package io.muster.common;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the organisation is and where Muster answers. Defaults are in application.yaml under {@code muster}.
 *
 * @param zone    the organisation's time zone: "midnight" for the auto-enrol cycle, dates in enrolment
 *                methods, times for viewers without a zone of their own
 * @param baseUrl the address links in mails point to
 */
@Validated
@ConfigurationProperties("muster")
public record Organisation(@NotNull ZoneId zone, @NotBlank String baseUrl) {
}
