package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;

import io.muster.common.Times;
import io.muster.people.PeopleService;
import io.muster.roster.RegistrationMethod;
import io.muster.roster.RosterService;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_await_approval: the registration waits for an approver; the task form shows what they decide on. */
@Component("awaitApproval")
class AwaitApproval implements JavaDelegate {

    private final RosterService roster;
    private final SessionService sessions;
    private final PeopleService people;

    AwaitApproval(RosterService roster, SessionService sessions, PeopleService people) {
        this.roster = roster;
        this.sessions = sessions;
        this.people = people;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = (Long) execution.getVariable(VAR_SESSION_ID);
        long personId = (Long) execution.getVariable(VAR_PERSON_ID);
        long registrationId = roster.awaitApproval(sessionId, personId,
                RegistrationMethod.valueOf((String) execution.getVariable(VAR_METHOD)),
                (String) execution.getVariable(VAR_ACTOR), (String) execution.getVariable(VAR_REASON));
        RegistrationIds.link(execution, registrationId);

        TrainingSession session = sessions.get(sessionId);
        execution.setVariable(VAR_LEARNER_NAME, people.get(personId).getName());
        execution.setVariable(VAR_SESSION_TITLE, session.getTitle());
        // in the session's own zone, named: the approver may sit elsewhere
        execution.setVariable(VAR_SESSION_START_TEXT, Times.at(session.getStartsAt(), session.getZone()));
        execution.setVariable(VAR_SEATS_LEFT, session.getSeatsLeft() == null ? "unlimited"
                : session.getSeatsLeft().toString());
    }
}
