package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;

import io.muster.enrolment.EnrolmentService;
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
    private final Decisions decisions;
    private final EnrolmentService enrolments;

    CheckEligibility(SessionService sessions, PeopleService people, Decisions decisions, EnrolmentService enrolments) {
        this.sessions = sessions;
        this.people = people;
        this.decisions = decisions;
        this.enrolments = enrolments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TrainingSession session = sessions.get((Long) execution.getVariable(VAR_SESSION_ID));
        Person person = people.get((Long) execution.getVariable(VAR_PERSON_ID));
        // assigned: enrolled on the course and not ended, so a smart- or auto-enrolled learner books its sessions
        boolean assigned = enrolments.find(person.getId(), session.getCourse().getId())
                .filter(e -> !e.getStatus().isEnded()).isPresent();
        Decisions.Eligibility result = decisions.eligibility((String) execution.getVariable(VAR_METHOD),
                session.getCourse().getEnrolmentMethod().name(), assigned, session.isApprovalRequired(),
                person.getManager() == null ? null : person.getManager().getUsername(),
                person.getEmploymentType().name());
        execution.setVariable(VAR_OUTCOME, result.outcome());
        execution.setVariable(VAR_APPROVER, result.approver());
        execution.setVariable(VAR_APPROVER_KIND, result.approverKind());
        execution.setVariable(VAR_REASON, result.reason());
    }
}
