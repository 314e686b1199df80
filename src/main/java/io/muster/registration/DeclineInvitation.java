package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;

import io.muster.roster.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_decline_invitation and service_expire_invitation: the invitation ends DECLINED, with
 * the task's input parameter "reason" as the why.
 */
@Component("declineInvitation")
class DeclineInvitation implements JavaDelegate {

    private final RosterService roster;

    DeclineInvitation(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object actor = execution.getVariable(VAR_ACTOR);
        roster.declineInvitation(RegistrationIds.of(execution), actor == null ? Actors.SYSTEM : (String) actor,
                (String) execution.getVariable(VAR_REASON));
    }
}
