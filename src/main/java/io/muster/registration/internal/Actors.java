package io.muster.registration.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import io.muster.security.CurrentUser;

/** Who made the process move: the signed-in user of the command (an approver in Tasklist), else "system". */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    static String of(DelegateExecution execution) {
        String user = CurrentUser.ofEngine(execution.getProcessEngineServices());
        return user == null ? SYSTEM : user;
    }
}
