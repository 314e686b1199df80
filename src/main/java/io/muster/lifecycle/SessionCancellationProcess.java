package io.muster.lifecycle;

import io.muster.notification.MailType;

import io.muster.process.Variable;

/** Everything the code knows about bpmn/session-cancellation.bpmn. */
final class SessionCancellationProcess {

    static final String KEY = "session-cancellation";

    static final String SERVICE_CANCEL_SESSION = "service_cancel_session";
    static final String SERVICE_END_REGISTRATIONS = "service_end_registrations";
    static final String SERVICE_NOTIFY_TRAINER = "service_notify_trainer";
    static final String END_SESSION_CANCELLED = "end_session_cancelled";

    static final Variable<Long> SESSION_ID = Variable.of("sessionId", Long.class);
    static final Variable<String> REASON = Variable.of("reason", String.class);
    static final Variable<String> ACTOR = Variable.of("actor", String.class);
    static final Variable<Integer> REGISTRATIONS_ENDED = Variable.of("registrationsEnded", Integer.class);
    static final Variable<MailType> MAIL_TYPE = Variable.ofEnum("mailType", MailType.class);

    private SessionCancellationProcess() {
    }
}
