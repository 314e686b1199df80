package io.muster.calendarreply;

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
    static final String VAR_REPLY_IDS = "replyIds";
    static final String VAR_REPLY_COUNT = "replyCount";
    /** The multi-instance counter: which of the Message-IDs this iteration handles. */
    static final String VAR_LOOP_COUNTER = "loopCounter";
    static final String VAR_MESSAGE_ID = "messageId";
    static final String VAR_READABLE = "replyReadable";
    static final String VAR_REGISTRATION_ID = "registrationId";
    static final String VAR_ATTENDEE = "attendee";
    static final String VAR_ACCEPTED = "accepted";
    static final String VAR_ANSWERED = "replyAnswered";
    /** Why a reply was set aside, for the log. */
    static final String VAR_PROBLEM = "problem";

    private CalendarRepliesProcess() {
    }
}
