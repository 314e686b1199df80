package io.muster.lifecycle;

import static io.muster.lifecycle.SessionCancellationProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The domain's only way into the session-cancellation process. */
@Component
class SessionCancellationFacade {

    private final RuntimeService runtime;

    SessionCancellationFacade(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Runs synchronously up to the trainer's mail: the session and its registrations end in the caller's transaction. */
    void start(long sessionId, String reason, String actor) {
        runtime.createProcessInstanceByKey(KEY).businessKey(Long.toString(sessionId))
                .setVariables(Variables.createVariables().putValue(SESSION_ID.name(), sessionId)
                        .putValue(REASON.name(), reason).putValue(ACTOR.name(), actor))
                .execute();
    }
}
