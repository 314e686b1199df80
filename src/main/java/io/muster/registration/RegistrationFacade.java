package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.muster.roster.RegistrationMethod;
import io.muster.rules.Decisions;
import io.muster.security.Accounts;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The domain's only way into the registration process. */
@Component
class RegistrationFacade {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Accounts accounts;
    private final ProcessStartQueue queue;
    private final CommandExecutor commands;
    private final Duration approvalReminder;
    private final Duration reminderBefore;

    RegistrationFacade(RuntimeService runtime, TaskService tasks, Accounts accounts, ProcessStartQueue queue,
            ProcessEngineConfigurationImpl engine,
            @Value("${muster.registration.approval-reminder:P2D}") Duration approvalReminder,
            @Value("${muster.registration.reminder-before:PT24H}") Duration reminderBefore) {
        this.queue = queue;
        this.commands = engine.getCommandExecutorTxRequired();
        this.runtime = runtime;
        this.tasks = tasks;
        this.accounts = accounts;
        this.approvalReminder = approvalReminder;
        this.reminderBefore = reminderBefore;
    }

    /**
     * When the learner is reminded: the lead time before the start; booked later than that, the
     * reminder would come on the heels of the confirmation, so it falls after the end and never fires.
     */
    Date reminderAt(Date startsAt, Date endsAt) {
        Date reminder = new Date(startsAt.getTime() - reminderBefore.toMillis());
        return reminder.before(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())
                ? new Date(endsAt.getTime() + Duration.ofDays(1).toMillis()) : reminder;
    }

    /**
     * Starts the registration of a booking that needs an approver, as eligibility decided it in
     * the request; runs in the caller's transaction up to the approver's task. Answers the
     * registration's id.
     */
    long startForApproval(long sessionId, long personId, RegistrationMethod method, String actor, Date startsAt,
            Date endsAt, Decisions.Eligibility eligibility) {
        ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(KEY)
                .setVariables(startVariables(sessionId, personId, method, actor, startsAt, endsAt)
                        .putValue(VAR_STATUS, "NEEDS_APPROVAL")
                        .putValue(VAR_APPROVER, eligibility.approver())
                        .putValue(VAR_APPROVER_KIND, eligibility.approverKind())
                        .putValue(VAR_REASON, eligibility.reason())
                        .putValue(VAR_APPROVAL_REMINDER, approvalReminder.toString()))
                .executeWithVariablesInReturn();
        return (Long) instance.getVariables().get(VAR_REGISTRATION_ID);
    }

    /**
     * Starts queued registrations' processes in one engine command, so their rows go to the
     * database in one flush. A registration that ended before its process started (nothing can
     * end it without {@link #startIfQueued}) has nothing to wait for and is only dequeued.
     */
    void startQueued(List<ProcessStartQueue.Queued> batch) {
        commands.execute(context -> {
            for (ProcessStartQueue.Queued q : batch) {
                String status = switch (q.status()) {
                    case REGISTERED -> "REGISTERED";
                    // a waiting-list place with an open offer still waits in the process for its answer
                    case WAITING_LIST, INVITED -> "WAITING_LIST";
                    default -> null;
                };
                if (status != null) {
                    String id = Long.toString(q.registrationId());
                    runtime.createProcessInstanceByKey(KEY).businessKey(id)
                            .setVariables(startVariables(q.sessionId(), q.personId(), q.method(), q.actor(),
                                    q.startsAt(), q.endsAt())
                                    .putValue(VAR_REGISTRATION_ID, q.registrationId())
                                    .putValue(VAR_STATUS, status))
                            .execute();
                }
            }
            queue.remove(batch.stream().map(ProcessStartQueue.Queued::registrationId).toList());
            return null;
        });
    }

    /**
     * Whatever talks to a registration's process first starts it if it is still queued, unless
     * its start has failed before: the retry then starts it from the registration as it is by then
     * (its status, the session's times), which is what the message would have told the process.
     */
    private void startIfQueued(long registrationId) {
        queue.lockUnlessFailed(registrationId).ifPresent(q -> startQueued(List.of(q)));
    }

    /**
     * A learner is invited (their draft session was published, or they were added to an open one):
     * their registration process starts at the invitation, in the caller's transaction.
     */
    void startInvitation(long registrationId, long sessionId, long personId, RegistrationMethod method,
            String actor, Date startsAt, Date endsAt) {
        runtime.createMessageCorrelation(MESSAGE_INVITED).processInstanceBusinessKey(Long.toString(registrationId))
                .setVariables(startVariables(sessionId, personId, method, actor, startsAt, endsAt)
                        .putValue(VAR_APPROVAL_REMINDER, approvalReminder.toString())
                        .putValue(VAR_REGISTRATION_ID, registrationId))
                .correlateStartMessage();
    }

    /**
     * What every registration process needs. A booking the request seated or queued never waits
     * for an approver, so it gets no approver and no approval reminder: fewer variables (and their
     * history rows) on every booking.
     */
    private VariableMap startVariables(long sessionId, long personId, RegistrationMethod method, String actor,
            Date startsAt, Date endsAt) {
        return Variables.createVariables()
                .putValue(VAR_SESSION_ID, sessionId)
                .putValue(VAR_PERSON_ID, personId)
                .putValue(VAR_METHOD, method.name())
                .putValue(VAR_ACTOR, actor)
                .putValue(VAR_SESSION_STARTS_AT, startsAt)
                .putValue(VAR_SESSION_ENDS_AT, endsAt)
                .putValue(VAR_REMINDER_AT, reminderAt(startsAt, endsAt));
    }

    /** True when the registration's process was waiting for an answer to its invitation and took it. */
    boolean answerInvitation(long registrationId, boolean accepted, String actor) {
        return !runtime.createMessageCorrelation(accepted ? MESSAGE_INVITATION_ACCEPTED : MESSAGE_INVITATION_DECLINED)
                .processInstanceBusinessKey(Long.toString(registrationId))
                .setVariable(VAR_ACTOR, actor)
                .correlateAllWithResult().isEmpty();
    }

    /** Completes the registration's open approval task as the actor; false when there is none. */
    boolean decideApproval(long registrationId, boolean approved, String comment, String actor) {
        Task task = approvalTask(registrationId);
        if (task == null) {
            return false;
        }
        accounts.actingAs(actor, () -> {
            tasks.complete(task.getId(), Variables.createVariables().putValue(VAR_APPROVED, approved)
                    .putValue(VAR_COMMENT, comment));
            return null;
        });
        return true;
    }

    /** Who the registration's open approval waits for (a username or a group id), or null when none is open. */
    String approverOf(long registrationId) {
        Task task = approvalTask(registrationId);
        return task == null ? null : (String) runtime.getVariable(task.getExecutionId(), VAR_APPROVER);
    }

    /**
     * Every open approval task with what the page lists about it, read from the process variables
     * service_await_approval wrote: two engine queries, however many tasks are open.
     */
    List<OpenApproval> openApprovals() {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(USER_APPROVE_REGISTRATION)
                .orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        runtime.createVariableInstanceQuery()
                .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).toArray(String[]::new))
                .variableNameIn(VAR_REGISTRATION_ID, VAR_SESSION_ID, VAR_SESSION_TITLE, VAR_SESSION_STARTS_AT,
                        VAR_LEARNER_NAME, VAR_APPROVER, VAR_REASON)
                .list().forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        return open.stream().map(task -> {
            Map<String, Object> of = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
            Date startsAt = (Date) of.get(VAR_SESSION_STARTS_AT);
            return new OpenApproval(task.getId(), (Long) of.get(VAR_REGISTRATION_ID), (Long) of.get(VAR_SESSION_ID),
                    (String) of.get(VAR_SESSION_TITLE), startsAt == null ? null : startsAt.toInstant(),
                    (String) of.get(VAR_LEARNER_NAME), (String) of.get(VAR_APPROVER), (String) of.get(VAR_REASON),
                    task.getAssignee(), task.getCreateTime().toInstant());
        }).toList();
    }

    private Task approvalTask(long registrationId) {
        return tasks.createTaskQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(Long.toString(registrationId))
                .taskDefinitionKey(USER_APPROVE_REGISTRATION).singleResult();
    }

    void cancelled(long registrationId) {
        correlate(MESSAGE_CANCELLED, registrationId);
    }

    void promoted(long registrationId) {
        correlate(MESSAGE_PROMOTED, registrationId);
    }

    /** The session moved: the registration's timers wait for the new times. */
    void rescheduled(long registrationId, Date startsAt, Date endsAt) {
        startIfQueued(registrationId);
        runtime.createMessageCorrelation(MESSAGE_RESCHEDULED).processInstanceBusinessKey(Long.toString(registrationId))
                .setVariable(VAR_SESSION_STARTS_AT, startsAt)
                .setVariable(VAR_SESSION_ENDS_AT, endsAt)
                .setVariable(VAR_REMINDER_AT, reminderAt(startsAt, endsAt))
                .correlateAllWithResult();
    }

    void attended(long registrationId) {
        correlate(MESSAGE_ATTENDED, registrationId);
    }

    void offerNotTaken(long registrationId) {
        correlate(MESSAGE_OFFER_NOT_TAKEN, registrationId);
    }

    /** The business key is the registration id; a registration with no waiting process takes no message. */
    private void correlate(String message, long registrationId) {
        startIfQueued(registrationId);
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(Long.toString(registrationId))
                .correlateAllWithResult();
    }
}
