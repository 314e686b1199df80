package io.muster.registration.internal;

import static io.muster.registration.internal.WaitlistPromotionProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The domain's only way into the waiting-list promotion process. */
@Component
public class WaitlistPromotionFacade {

    private final RuntimeService runtime;

    WaitlistPromotionFacade(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** A seat is held for the waiting list of this session: offer it down the queue. */
    public void start(long sessionId, String actor) {
        runtime.createProcessInstanceByKey(KEY).businessKey("session-" + sessionId)
                .setVariables(Variables.createVariables().putValue(SESSION_ID.name(), sessionId).putValue(ACTOR.name(), actor))
                .execute();
    }

    /** The session is gone: its offers end with it. */
    public void endAllFor(long sessionId, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey("session-" + sessionId)
                .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
    }

    /** True when an open offer to this registration took the answer. */
    public boolean accept(long registrationId, String actor) {
        return answer(MESSAGE_OFFER_ACCEPTED, registrationId, actor);
    }

    public boolean decline(long registrationId, String actor) {
        return answer(MESSAGE_OFFER_DECLINED, registrationId, actor);
    }

    private boolean answer(String message, long registrationId, String actor) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceVariableEquals(REGISTRATION_ID.name(), registrationId)
                .setVariable(ACTOR.name(), actor)
                .correlateAllWithResult().isEmpty();
    }
}
