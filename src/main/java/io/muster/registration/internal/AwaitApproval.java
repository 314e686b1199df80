package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.common.Times;
import io.muster.people.PeopleService;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
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
    private final RegistrationSettings settings;

    AwaitApproval(RosterService roster, SessionService sessions, PeopleService people, RegistrationSettings settings) {
        this.roster = roster;
        this.sessions = sessions;
        this.people = people;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = SESSION_ID.get(execution);
        long personId = PERSON_ID.get(execution);
        long registrationId = roster.awaitApproval(sessionId, personId, METHOD.get(execution), ACTOR.get(execution),
                REASON.get(execution));
        RegistrationIds.link(execution, registrationId);
        STATUS.set(execution, RegistrationStatus.NEEDS_APPROVAL);
        APPROVAL_REMINDER.set(execution, settings.approvalReminder().toString());

        TrainingSession session = sessions.get(sessionId);
        LEARNER_NAME.set(execution, people.get(personId).getName());
        SESSION_TITLE.set(execution, session.getTitle());
        // in the session's own zone, named: the approver may sit elsewhere
        SESSION_START_TEXT.set(execution, Times.at(session.getStartsAt(), session.getZone()));
        SEATS_LEFT.set(execution, session.getSeatsLeft() == null ? "unlimited" : session.getSeatsLeft().toString());
    }
}
