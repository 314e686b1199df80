package io.muster.lifecycle;

import io.muster.notification.MailType;

import java.util.Date;

import io.muster.process.Variable;

/** Everything the code knows about bpmn/session-lifecycle.bpmn. */
final class SessionLifecycleProcess {

    static final String KEY = "session-lifecycle";

    static final String SERVICE_INVITE_LEARNERS = "service_invite_learners";
    static final String SERVICE_INVITE_TRAINER = "service_invite_trainer";
    static final String TIMER_SESSION_STARTS = "timer_session_starts";
    static final String SERVICE_START_SESSION = "service_start_session";
    static final String TIMER_SESSION_ENDS = "timer_session_ends";
    static final String SERVICE_COMPLETE_SESSION = "service_complete_session";
    static final String USER_MARK_ATTENDANCE = "user_mark_attendance";
    static final String SERVICE_RECORD_ATTENDANCE = "service_record_attendance";
    static final String SERVICE_RESCHEDULE = "service_reschedule";
    static final String SERVICE_NOTIFY_CHANGE = "service_notify_change";
    static final String END_SESSION_COMPLETED = "end_session_completed";
    static final String END_ATTENDANCE_MARKED = "end_attendance_marked";
    static final String END_ATTENDANCE_RECORDED_ELSEWHERE = "end_attendance_recorded_elsewhere";

    /** The timers at the session's start and end, re-armed when it moves. */
    static final java.util.Set<String> TIMERS_FOLLOWING_THE_SESSION = java.util.Set.of("timer_session_starts",
            "timer_session_ends");

    /** Date, time or place changed (event subprocess event_session_changed): take the new times, send updated invitations. */
    static final String MESSAGE_CHANGED = "session-changed";
    /** Attendance came in through the API: the trainer's task is no longer needed. */
    static final String MESSAGE_ATTENDANCE_RECORDED = "session-attendance-recorded";

    static final Variable<Long> SESSION_ID = Variable.of("sessionId", Long.class);
    static final Variable<Date> SESSION_STARTS_AT = Variable.of("sessionStartsAt", Date.class);
    static final Variable<Date> SESSION_ENDS_AT = Variable.of("sessionEndsAt", Date.class);
    static final Variable<Boolean> ATTENDANCE_RECORDED = Variable.of("attendanceRecorded", Boolean.class);
    static final Variable<Object> ROSTER_OPTIONS = Variable.of("rosterOptions", Object.class);
    static final Variable<Object> ATTENDED = Variable.of("attended", Object.class);
    static final Variable<Object> WALK_INS = Variable.of("walkIns", Object.class);
    static final Variable<MailType> MAIL_TYPE = Variable.ofEnum("mailType", MailType.class);

    private SessionLifecycleProcess() {
    }
}
