package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.registration.RosterService;
import io.muster.registration.RegistrationStatus;
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
        String actor = ACTOR.get(execution);
        roster.declineInvitation(REGISTRATION_ID.get(execution), actor == null ? Actors.SYSTEM : actor,
                REASON.get(execution));
        STATUS.set(execution, RegistrationStatus.DECLINED);
    }
}
