package io.muster.lifecycle;

import static io.muster.lifecycle.SessionCancellationProcess.*;

import io.muster.session.SessionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_cancel_session: the session becomes CANCELLED with the admin's reason. */
@Component("cancelSession")
class CancelSession implements JavaDelegate {

    private final SessionService sessions;

    CancelSession(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        sessions.cancel((Long) execution.getVariable(VAR_SESSION_ID), (String) execution.getVariable(VAR_REASON));
    }
}
