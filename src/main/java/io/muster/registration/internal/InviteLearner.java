package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.REGISTRATION_ID;

import io.muster.registration.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_invite_learner: NOT_INVITED becomes INVITED; the mail goes out after the commit. */
@Component("inviteLearner")
class InviteLearner implements JavaDelegate {

    private final RosterService roster;

    InviteLearner(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        roster.invite(REGISTRATION_ID.get(execution), Actors.of(execution));
    }
}
