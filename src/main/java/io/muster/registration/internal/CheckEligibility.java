package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.common.ForbiddenException;
import io.muster.rules.Decisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_check_eligibility: registration-eligibility for this booking, evaluated inside the
 * process so Cockpit shows it as the instance's decision. A refusal is thrown: the booking's
 * transaction rolls back with its process, and the learner is told why.
 */
@Component("checkEligibility")
class CheckEligibility implements JavaDelegate {

    private final EligibilityRules rules;

    CheckEligibility(EligibilityRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Decisions.Eligibility eligibility = rules.of(SESSION_ID.get(execution), PERSON_ID.get(execution),
                METHOD.get(execution));
        if (eligibility.outcome() == Decisions.Outcome.REJECT) {
            throw new ForbiddenException(eligibility.reason());
        }
        ELIGIBILITY.set(execution, eligibility.outcome());
        if (eligibility.outcome() == Decisions.Outcome.NEEDS_APPROVAL) {
            APPROVER.set(execution, eligibility.approver());
            APPROVER_KIND.set(execution, eligibility.approverKind());
            REASON.set(execution, eligibility.reason());
        }
    }
}
