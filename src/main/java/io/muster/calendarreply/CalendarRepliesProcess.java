package io.muster.calendarreply;

import io.muster.process.Variable;

/** Everything the code knows about bpmn/calendar-replies.bpmn. */
final class CalendarRepliesProcess {

    static final String KEY = "calendar-replies";

    static final String TIMER_POLL = "timer_poll";
    static final String SERVICE_POLL_INBOX = "service_poll_inbox";
    static final String SUBPROCESS_EACH_REPLY = "subprocess_each_reply";
    static final String SERVICE_READ_REPLY = "service_read_reply";
    static final String SERVICE_ANSWER_REPLY = "service_answer_reply";
    static final String SERVICE_REMOVE_REPLY = "service_remove_reply";
    static final String SERVICE_SET_REPLY_ASIDE = "service_set_reply_aside";
    static final String END_REPLY_ANSWERED = "end_reply_answered";
    static final String END_REPLY_SET_ASIDE = "end_reply_set_aside";
    static final String END_POLLED = "end_polled";

    /** The Message-IDs found in the inbox, one a line (a String: no serialised lists in the engine). */
    static final Variable<String> REPLY_IDS = Variable.of("replyIds", String.class);
    static final Variable<Integer> REPLY_COUNT = Variable.of("replyCount", Integer.class);
    /** The multi-instance counter: which of the Message-IDs this iteration handles. */
    static final Variable<Integer> LOOP_COUNTER = Variable.of("loopCounter", Integer.class);
    static final Variable<String> MESSAGE_ID = Variable.of("messageId", String.class);
    static final Variable<Boolean> READABLE = Variable.of("replyReadable", Boolean.class);
    static final Variable<Long> REGISTRATION_ID = Variable.of("registrationId", Long.class);
    static final Variable<String> ATTENDEE = Variable.of("attendee", String.class);
    static final Variable<Boolean> ACCEPTED = Variable.of("accepted", Boolean.class);
    static final Variable<Boolean> ANSWERED = Variable.of("replyAnswered", Boolean.class);
    /** Why a reply was set aside, for the log. */
    static final Variable<String> PROBLEM = Variable.of("problem", String.class);

    private CalendarRepliesProcess() {
    }
}
