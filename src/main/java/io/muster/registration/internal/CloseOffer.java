package io.muster.registration.internal;

import static io.muster.registration.internal.WaitlistPromotionProcess.*;

import io.muster.registration.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_decline_offer and service_expire_offer: the offer ends unaccepted (the task's input
 * parameter "closeReason" says why); the seat stays held for the next in line.
 */
@Component("closeOffer")
class CloseOffer implements JavaDelegate {

    private final RosterService roster;
    private final RegistrationFacade registrations;

    CloseOffer(RosterService roster, RegistrationFacade registrations) {
        this.roster = roster;
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long registrationId = REGISTRATION_ID.get(execution);
        Object actor = ACTOR.get(execution);
        roster.closeOfferUnaccepted(registrationId, actor == null ? Actors.SYSTEM : (String) actor,
                CLOSE_REASON.get(execution));
        registrations.offerNotTaken(registrationId);
    }
}
