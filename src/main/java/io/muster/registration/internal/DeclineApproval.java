package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.registration.RosterService;
import io.muster.registration.RegistrationStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_decline_approval and service_expire_approval: the registration ends as APPROVAL_DECLINED,
 * with the approver's comment, or the task's input parameter "reason" when the session started first.
 */
@Component("declineApproval")
class DeclineApproval implements JavaDelegate {

    private final RosterService roster;

    DeclineApproval(RosterService roster) {
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String comment = COMMENT.get(execution);
        // Asked by activity, not by a local "reason": on the process instance's own execution the
        // eligibility reason is local too, and would pass for the approver's.
        String reason = SERVICE_EXPIRE_APPROVAL.equals(execution.getCurrentActivityId())
                ? REASON.getLocal(execution)
                : comment == null || comment.isBlank() ? "Declined by the approver" : "Declined: " + comment;
        roster.declineApproval(REGISTRATION_ID.get(execution), Actors.of(execution), reason);
        STATUS.set(execution, RegistrationStatus.APPROVAL_DECLINED);
    }
}
