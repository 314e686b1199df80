package io.muster.registration;

import static io.muster.registration.RegistrationProcess.VAR_APPROVER;
import static io.muster.registration.RegistrationProcess.VAR_APPROVER_KIND;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Public, as expressions call its methods. Candidates of user_approve_registration, from registration-eligibility's "approver": the
 * manager as candidate user, or a group as candidate group. Only those candidates see the task.
 */
@Component("approvalCandidates")
public class ApprovalCandidates {

    public List<String> users(DelegateExecution execution) {
        return "USER".equals(execution.getVariable(VAR_APPROVER_KIND)) ? List.of(approver(execution)) : List.of();
    }

    public List<String> groups(DelegateExecution execution) {
        return "GROUP".equals(execution.getVariable(VAR_APPROVER_KIND)) ? List.of(approver(execution)) : List.of();
    }

    private static String approver(DelegateExecution execution) {
        return (String) execution.getVariable(VAR_APPROVER);
    }
}
