package io.muster.lifecycle;

import static io.muster.lifecycle.SessionLifecycleProcess.*;

import java.util.Date;

import io.muster.session.TrainingSession;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The domain's only way into the session-lifecycle process. Business key: the session id. */
@Component
class SessionLifecycleFacade {

    private final RuntimeService runtime;
    private final ManagementService management;

    SessionLifecycleFacade(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    void start(TrainingSession session) {
        runtime.createProcessInstanceByKey(KEY).businessKey(session.getId().toString())
                .setVariables(Variables.createVariables()
                        .putValue(SESSION_ID.name(), session.getId())
                        .putValue(SESSION_STARTS_AT.name(), Date.from(session.getStartsAt()))
                        .putValue(SESSION_ENDS_AT.name(), Date.from(session.getEndsAt()))
                        .putValue(ATTENDANCE_RECORDED.name(), false))
                .execute();
    }

    /**
     * The session moved or changed place: the event subprocess takes the new times (and moves every
     * registration's timers) and sends the updated invitations; then the lifecycle's own timer, at
     * the start or at the end, is re-armed from the new times.
     */
    void changed(long sessionId) {
        runtime.createMessageCorrelation(MESSAGE_CHANGED).processInstanceBusinessKey(Long.toString(sessionId))
                .correlateAllWithResult()
                .forEach(result -> TIMERS_FOLLOWING_THE_SESSION.forEach(timer -> management.createJobQuery()
                        .processInstanceId(result.getExecution().getProcessInstanceId()).timers().activityId(timer)
                        .list().forEach(job -> management.recalculateJobDuedate(job.getId(), false))));
    }

    /** Attendance came in: remembered for when the session ends, and the trainer's open task is withdrawn. */
    void attendanceRecorded(long sessionId) {
        runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(Long.toString(sessionId))
                .list().forEach(instance -> runtime.setVariable(instance.getId(), ATTENDANCE_RECORDED.name(), true));
        runtime.createMessageCorrelation(MESSAGE_ATTENDANCE_RECORDED).processInstanceBusinessKey(Long.toString(sessionId))
                .correlateAllWithResult();
    }

    /** A cancelled session has no lifecycle left. */
    void end(long sessionId, String reason) {
        runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(Long.toString(sessionId))
                .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
    }
}
