package io.muster.registration;

import io.muster.registration.internal.Actors;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** More seats on a session: the waiting list gets them first, in the same transaction as the edit. */
@Component
class SeatsFreedListener {

    private final Bookings registrations;

    SeatsFreedListener(Bookings registrations) {
        this.registrations = registrations;
    }

    @EventListener
    void on(SessionService.CapacityRaised event) {
        String actor = CurrentUser.username();
        registrations.offerFreeSeats(event.sessionId(), actor == null ? Actors.SYSTEM : actor);
    }
}
