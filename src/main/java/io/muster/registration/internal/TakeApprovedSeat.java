package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.registration.RosterService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_take_approved_seat: approved, so a seat or the waiting list (or cancelled if it filled up meanwhile). */
@Component("takeApprovedSeat")
class TakeApprovedSeat implements JavaDelegate {

    private final RosterService roster;

    TakeApprovedSeat(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        STATUS.set(execution, roster.approve(REGISTRATION_ID.get(execution), Actors.of(execution),
                COMMENT.get(execution)));
    }
}
