package io.muster.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-in settings. Defaults are in application.yaml under {@code muster.security}.
 *
 * @param credentialCacheTtl how long a verified login is remembered (zero: never)
 * @param lockDuration       how long an account locked by wrong passwords stays locked
 */
@Validated
@ConfigurationProperties("muster.security")
record SecuritySettings(@NotNull Duration credentialCacheTtl, @NotNull Duration lockDuration) {
}
