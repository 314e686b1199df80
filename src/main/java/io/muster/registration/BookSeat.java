package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;

import io.muster.roster.RegistrationMethod;
import io.muster.roster.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_book_seat: a seat, or the waiting list, or "Session full" (the whole booking rolls back).
 * Asked for the waiting list (a roster copy), it queues, or refuses a session without one.
 */
@Component("bookSeat")
class BookSeat implements JavaDelegate {

    private final RosterService roster;

    BookSeat(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = (Long) execution.getVariable(VAR_SESSION_ID);
        long personId = (Long) execution.getVariable(VAR_PERSON_ID);
        RegistrationMethod method = RegistrationMethod.valueOf((String) execution.getVariable(VAR_METHOD));
        String actor = (String) execution.getVariable(VAR_ACTOR);
        RosterService.Booking booking = Boolean.TRUE.equals(execution.getVariable(VAR_WAITING_LIST_REQUESTED))
                ? roster.joinWaitingList(sessionId, personId, method, actor)
                : roster.book(sessionId, personId, method, actor);
        RegistrationIds.link(execution, booking.registrationId());
        execution.setVariable(VAR_STATUS, booking.status().name());
    }
}
