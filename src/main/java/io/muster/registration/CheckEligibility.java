package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;

import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.rules.Decisions;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_check_eligibility: asks registration-eligibility whether to register, ask an approver, or refuse. */
@Component("checkEligibility")
class CheckEligibility implements JavaDelegate {

    private final SessionService sessions;
    private final PeopleService people;
    private final EligibilityRules eligibility;

    CheckEligibility(SessionService sessions, PeopleService people, EligibilityRules eligibility) {
        this.sessions = sessions;
        this.people = people;
        this.eligibility = eligibility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TrainingSession session = sessions.get((Long) execution.getVariable(VAR_SESSION_ID));
        Person person = people.get((Long) execution.getVariable(VAR_PERSON_ID));
        Decisions.Eligibility result = eligibility.of(session, person, (String) execution.getVariable(VAR_METHOD));
        execution.setVariable(VAR_OUTCOME, result.outcome());
        execution.setVariable(VAR_APPROVER, result.approver());
        execution.setVariable(VAR_APPROVER_KIND, result.approverKind());
        execution.setVariable(VAR_REASON, result.reason());
    }
}
