package io.muster.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param snapshotTtl how long the shared snapshot of upcoming sessions serves the calendar; default in application.yaml */
@Validated
@ConfigurationProperties("muster.calendar")
record CalendarSnapshotSettings(@NotNull Duration snapshotTtl) {
}
