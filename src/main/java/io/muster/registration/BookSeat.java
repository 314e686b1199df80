package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;

import io.muster.roster.RegistrationMethod;
import io.muster.roster.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_book_seat: a seat, or the waiting list, or "Session full" (the whole booking rolls back). */
@Component("bookSeat")
class BookSeat implements JavaDelegate {

    private final RosterService roster;

    BookSeat(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RosterService.Booking booking = roster.book((Long) execution.getVariable(VAR_SESSION_ID),
                (Long) execution.getVariable(VAR_PERSON_ID),
                RegistrationMethod.valueOf((String) execution.getVariable(VAR_METHOD)),
                (String) execution.getVariable(VAR_ACTOR));
        RegistrationIds.link(execution, roster, booking.registrationId());
        execution.setVariable(VAR_STATUS, booking.status().name());
    }
}
