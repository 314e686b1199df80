package io.muster.lifecycle;

import static io.muster.lifecycle.SessionCancellationProcess.*;

import io.muster.registration.SessionRegistrations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_end_registrations: every live registration is cancelled with the reason; their own
 * processes end and tell each learner; approval tasks and seat offers are withdrawn.
 */
@Component("endRegistrations")
class EndRegistrations implements JavaDelegate {

    private final SessionRegistrations registrations;

    EndRegistrations(SessionRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int ended = registrations.endAllFor(SESSION_ID.get(execution),
                ACTOR.get(execution),
                "Session cancelled: " + REASON.get(execution));
        REGISTRATIONS_ENDED.set(execution, ended);
    }
}
