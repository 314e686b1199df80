package io.muster.registration;

import io.muster.roster.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_invite_learner: NOT_INVITED becomes INVITED, and the registration knows its process. */
@Component("inviteLearner")
class InviteLearner implements JavaDelegate {

    private final RosterService roster;

    InviteLearner(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long registrationId = RegistrationIds.of(execution);
        roster.invite(registrationId, Actors.of(execution));
        RegistrationIds.link(execution, registrationId);
    }
}
