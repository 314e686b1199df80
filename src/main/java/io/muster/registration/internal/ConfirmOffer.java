package io.muster.registration.internal;

import static io.muster.registration.internal.WaitlistPromotionProcess.*;

import io.muster.registration.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_confirm_offer: the offer was accepted, the held seat is theirs; their registration process hears it. */
@Component("confirmOffer")
class ConfirmOffer implements JavaDelegate {

    private final RosterService roster;
    private final RegistrationFacade registrations;

    ConfirmOffer(RosterService roster, RegistrationFacade registrations) {
        this.roster = roster;
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long registrationId = REGISTRATION_ID.get(execution);
        roster.acceptOffer(registrationId, ACTOR.get(execution));
        registrations.promoted(registrationId);
    }
}
