package io.muster.lifecycle;

import static io.muster.lifecycle.SessionCancellationProcess.*;

import io.muster.session.SessionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_cancel_session: the session becomes CANCELLED with the admin's reason; its lifecycle ends. */
@Component("cancelSession")
class CancelSession implements JavaDelegate {

    private final SessionService sessions;
    private final SessionLifecycleFacade lifecycle;

    CancelSession(SessionService sessions, SessionLifecycleFacade lifecycle) {
        this.sessions = sessions;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = SESSION_ID.get(execution);
        String reason = REASON.get(execution);
        sessions.cancel(sessionId, reason);
        lifecycle.end(sessionId, "Session cancelled: " + reason);
    }
}
