package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.registration.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_accept_invitation: a seat or the waiting list, as for a booking; "Session full" rolls
 * the whole answer back, so the invitation stays open.
 */
@Component("acceptInvitation")
class AcceptInvitation implements JavaDelegate {

    private final RosterService roster;

    AcceptInvitation(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        STATUS.set(execution, roster.acceptInvitation(REGISTRATION_ID.get(execution), ACTOR.get(execution)));
    }
}
