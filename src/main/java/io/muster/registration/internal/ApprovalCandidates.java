package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.APPROVER;
import static io.muster.registration.internal.RegistrationProcess.APPROVER_KIND;

import java.util.List;

import io.muster.rules.Decisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Public, as expressions call its methods. Candidates of user_approve_registration, from registration-eligibility's "approver": the
 * manager as candidate user, or a group as candidate group. Only those candidates see the task.
 */
@Component("approvalCandidates")
public class ApprovalCandidates {

    public List<String> users(DelegateExecution execution) {
        return APPROVER_KIND.get(execution) == Decisions.ApproverKind.USER ? List.of(approver(execution)) : List.of();
    }

    public List<String> groups(DelegateExecution execution) {
        return APPROVER_KIND.get(execution) == Decisions.ApproverKind.GROUP ? List.of(approver(execution)) : List.of();
    }

    private static String approver(DelegateExecution execution) {
        return APPROVER.get(execution);
    }
}
