package io.muster.calendarreply;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param replyPoll how often the inbox is read for calendar replies; default in application.yaml */
@Validated
@ConfigurationProperties("muster.calendar")
record CalendarReplySettings(@NotNull Duration replyPoll) {
}
