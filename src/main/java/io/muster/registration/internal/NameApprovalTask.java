package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of user_approve_registration: Tasklist lists a task by its name, so the name says
 * whose request it is and for what ("Approve: Lena Learner — First aid, Tue 8 Dec 2026, 09:00 GMT"),
 * and the description gives the reason the decision table asked for approval. The diagram keeps
 * its short label.
 */
@Component("nameApprovalTask")
class NameApprovalTask implements TaskListener {

    /** The engine's column for a task's name holds 255 characters. */
    static final int NAME_MAX = 255;
    static final int DESCRIPTION_MAX = 4000;

    @Override
    public void notify(DelegateTask task) {
        String name = "Approve: " + LEARNER_NAME.get(task) + " — " + SESSION_TITLE.get(task)
                + ", " + SESSION_START_TEXT.get(task);
        task.setName(cut(name, NAME_MAX));
        String reason = REASON.get(task);
        if (reason != null) {
            task.setDescription(cut(reason, DESCRIPTION_MAX));
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
