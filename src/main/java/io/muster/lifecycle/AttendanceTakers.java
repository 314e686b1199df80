package io.muster.lifecycle;

import static io.muster.lifecycle.SessionLifecycleProcess.SESSION_ID;

import java.util.List;

import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Public, as expressions call it. Candidate users of user_mark_attendance: the session's trainer
 * as the session is now (the trainer may have changed since publication); nobody when the session
 * has no trainer, so the task waits for an admin instead of failing.
 */
@Component("attendanceTakers")
public class AttendanceTakers {

    private final SessionService sessions;

    AttendanceTakers(SessionService sessions) {
        this.sessions = sessions;
    }

    public List<String> users(DelegateExecution execution) {
        TrainingSession session = sessions.get(SESSION_ID.get(execution));
        return session.getTrainer() == null ? List.of() : List.of(session.getTrainer().getUsername());
    }
}
