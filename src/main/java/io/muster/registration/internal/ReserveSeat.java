package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.registration.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_reserve_seat: an eligible booking takes a seat, or a waiting-list place when the session
 * is full (or when that is what the learner asked for); "Session full" without a waiting list
 * rolls the booking back. The new registration's id becomes the instance's business key.
 */
@Component("reserveSeat")
class ReserveSeat implements JavaDelegate {

    private final RosterService roster;

    ReserveSeat(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = SESSION_ID.get(execution);
        long personId = PERSON_ID.get(execution);
        RosterService.Booking booking = REQUEST.get(execution) == Request.JOIN_WAITING_LIST
                ? roster.joinWaitingList(sessionId, personId, METHOD.get(execution), ACTOR.get(execution))
                : roster.book(sessionId, personId, METHOD.get(execution), ACTOR.get(execution));
        RegistrationIds.link(execution, booking.registrationId());
        STATUS.set(execution, booking.status());
    }
}
