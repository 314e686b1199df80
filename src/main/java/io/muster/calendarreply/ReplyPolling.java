package io.muster.calendarreply;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * How often the inbox is polled: the timer start event of bpmn/calendar-replies.bpmn reads
 * {@code ${calendarReplyPolling.cycle}} when the model is deployed. Public, for the expression
 * language. A timer job runs on one node at a time, so only one node polls.
 */
@Component("calendarReplyPolling")
public class ReplyPolling {

    private final Duration every;

    ReplyPolling(CalendarReplySettings settings) {
        this.every = settings.replyPoll();
    }

    public String getCycle() {
        return "R/" + every;
    }
}
