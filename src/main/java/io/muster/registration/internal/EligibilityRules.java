package io.muster.registration.internal;

import io.muster.enrolment.EnrolmentService;
import io.muster.people.PeopleService;
import io.muster.registration.EligibilityInputs;
import io.muster.people.Person;
import io.muster.registration.RegistrationMethod;
import io.muster.rules.Decisions;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Component;

/** registration-eligibility for one person, session and way of booking: register, ask an approver, or refuse. */
@Component
class EligibilityRules {

    private final Decisions decisions;
    private final EnrolmentService enrolments;
    private final SessionService sessions;
    private final PeopleService people;

    EligibilityRules(Decisions decisions, EnrolmentService enrolments, SessionService sessions, PeopleService people) {
        this.decisions = decisions;
        this.enrolments = enrolments;
        this.sessions = sessions;
        this.people = people;
    }

    Decisions.Eligibility of(long sessionId, long personId, RegistrationMethod method) {
        TrainingSession session = sessions.get(sessionId);
        Person person = people.get(personId);
        boolean assigned = enrolments.find(personId, session.getCourse().getId())
                .filter(e -> !e.getStatus().isEnded()).isPresent();
        return decisions.recordedEligibility(EligibilityInputs.of(method,
                session.getCourse().getEnrolmentMethod().name(), session.isApprovalRequired(), assigned,
                person.getManager() == null ? null : person.getManager().getUsername(),
                person.getEmploymentType().name()));
    }
}
