package io.muster.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param credentialCacheTtl how long a verified login is remembered (zero: never); default in application.yaml */
@Validated
@ConfigurationProperties("muster.security")
record SecuritySettings(@NotNull Duration credentialCacheTtl) {
}
