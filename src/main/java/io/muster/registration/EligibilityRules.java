package io.muster.registration;

import io.muster.enrolment.EnrolmentService;
import io.muster.people.Person;
import io.muster.rules.Decisions;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Component;

/** registration-eligibility for one person, session and way of booking: register, ask an approver, or refuse. */
@Component
class EligibilityRules {

    private final Decisions decisions;
    private final EnrolmentService enrolments;

    EligibilityRules(Decisions decisions, EnrolmentService enrolments) {
        this.decisions = decisions;
        this.enrolments = enrolments;
    }

    Decisions.Eligibility of(TrainingSession session, Person person, String method) {
        // assigned: enrolled on the course and not ended, so a smart- or auto-enrolled learner books its sessions
        boolean assigned = enrolments.find(person.getId(), session.getCourse().getId())
                .filter(e -> !e.getStatus().isEnded()).isPresent();
        return decisions.eligibility(method, session.getCourse().getEnrolmentMethod().name(), assigned,
                session.isApprovalRequired(), person.getManager() == null ? null : person.getManager().getUsername(),
                person.getEmploymentType().name());
    }
}
