package io.muster.lifecycle;

/** Everything the code knows about bpmn/session-cancellation.bpmn. */
final class SessionCancellationProcess {

    static final String KEY = "session-cancellation";

    static final String SERVICE_CANCEL_SESSION = "service_cancel_session";
    static final String SERVICE_END_REGISTRATIONS = "service_end_registrations";
    static final String SERVICE_NOTIFY_TRAINER = "service_notify_trainer";
    static final String END_SESSION_CANCELLED = "end_session_cancelled";

    static final String VAR_SESSION_ID = "sessionId";
    static final String VAR_REASON = "reason";
    static final String VAR_ACTOR = "actor";
    static final String VAR_REGISTRATIONS_ENDED = "registrationsEnded";
    static final String VAR_MAIL_TYPE = "mailType";

    private SessionCancellationProcess() {
    }
}
