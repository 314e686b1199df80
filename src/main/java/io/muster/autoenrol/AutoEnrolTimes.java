package io.muster.autoenrol;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param cron when the nightly cycle starts, in muster.zone; default in application.yaml */
@Validated
@ConfigurationProperties("muster.auto-enrol")
record AutoEnrolTimes(@NotBlank String cron) {
}
