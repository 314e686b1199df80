package io.muster.registration.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The registration process's timings. Defaults are in application.yaml under {@code muster.registration}.
 *
 * @param approvalReminder how long an approval may wait before its approver is reminded
 * @param reminderBefore   how long before the start a registered learner is reminded
 */
@Validated
@ConfigurationProperties("muster.registration")
record RegistrationSettings(@NotNull Duration approvalReminder, @NotNull Duration reminderBefore) {
}
