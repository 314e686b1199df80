package io.muster.registration.internal;

import static io.muster.registration.internal.WaitlistPromotionProcess.*;

import java.util.Date;

import io.muster.registration.RosterService;
import io.muster.rules.Decisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_offer_seat: the held seat goes to the head of the queue for as long as waitlist-offer-policy says. */
@Component("offerSeat")
class OfferSeat implements JavaDelegate {

    private final RosterService roster;
    private final Decisions decisions;

    OfferSeat(RosterService roster, Decisions decisions) {
        this.roster = roster;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RosterService.Offer offer = roster.offerHeldSeat(SESSION_ID.get(execution), Actors.SYSTEM,
                untilStart -> decisions.offerHours(untilStart.toMinutes() / 60.0));
        OFFER_MADE.set(execution, offer != null);
        if (offer != null) {
            REGISTRATION_ID.set(execution, offer.registrationId());
            OFFER_EXPIRES_AT.set(execution, Date.from(offer.expiresAt()));
        }
    }
}
