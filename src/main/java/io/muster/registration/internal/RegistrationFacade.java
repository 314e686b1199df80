package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.muster.registration.OpenApproval;
import io.muster.registration.internal.RegistrationProcess.Request;
import io.muster.registration.RegistrationMethod;
import io.muster.registration.RegistrationStatus;
import io.muster.security.Accounts;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The domain's only way into the registration process. */
@Component
public class RegistrationFacade {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final Accounts accounts;
    private final RegistrationSettings settings;

    RegistrationFacade(RuntimeService runtime, TaskService tasks, ManagementService management, Accounts accounts,
            RegistrationSettings settings) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.accounts = accounts;
        this.settings = settings;
    }

    /**
     * When the learner is reminded: the lead time before the start; booked later than that, the
     * reminder would come on the heels of the confirmation, so it falls after the end and never fires.
     */
    public Date reminderAt(Date startsAt, Date endsAt) {
        Date reminder = new Date(startsAt.getTime() - settings.reminderBefore().toMillis());
        return reminder.before(ClockUtil.getCurrentTime())
                ? new Date(endsAt.getTime() + Duration.ofDays(1).toMillis()) : reminder;
    }

    /**
     * A booking's one way in: its process starts in the caller's transaction, decides eligibility
     * (a refusal is thrown and rolls everything back), then takes the seat, the waiting-list place
     * or the approver's task, and waits. Answers the new registration's id.
     */
    public long book(long sessionId, long personId, RegistrationMethod method, String actor, boolean waitingList,
            Date startsAt, Date endsAt) {
        VariableMap variables = startVariables(sessionId, personId, method, actor, startsAt, endsAt,
                waitingList ? Request.JOIN_WAITING_LIST : Request.BOOK);
        return REGISTRATION_ID.from(runtime.createProcessInstanceByKey(KEY).setVariables(variables)
                .executeWithVariablesInReturn().getVariables());
    }

    /**
     * An invitation to a learner already on the roster (a published draft, or added to an open
     * session) starts the same process, in the caller's transaction, at the invitation.
     */
    public void invite(long registrationId, long sessionId, long personId, RegistrationMethod method, String actor,
            Date startsAt, Date endsAt) {
        VariableMap variables = startVariables(sessionId, personId, method, actor, startsAt, endsAt, Request.INVITE);
        REGISTRATION_ID.put(variables, registrationId);
        runtime.createProcessInstanceByKey(KEY).businessKey(Long.toString(registrationId)).setVariables(variables)
                .execute();
    }

    /** What every registration process needs; the rest each path sets as it goes. */
    private VariableMap startVariables(long sessionId, long personId, RegistrationMethod method, String actor,
            Date startsAt, Date endsAt, Request request) {
        VariableMap variables = Variables.createVariables();
        SESSION_ID.put(variables, sessionId);
        PERSON_ID.put(variables, personId);
        METHOD.put(variables, method);
        ACTOR.put(variables, actor);
        REQUEST.put(variables, request);
        SESSION_STARTS_AT.put(variables, startsAt);
        SESSION_ENDS_AT.put(variables, endsAt);
        REMINDER_AT.put(variables, reminderAt(startsAt, endsAt));
        return variables;
    }

    /** True when the registration's process was waiting for an answer to its invitation and took it. */
    public boolean answerInvitation(long registrationId, boolean accepted, String actor) {
        return !runtime.createMessageCorrelation(accepted ? MESSAGE_INVITATION_ACCEPTED : MESSAGE_INVITATION_DECLINED)
                .processInstanceBusinessKey(Long.toString(registrationId))
                .setVariable(ACTOR.name(), actor)
                .correlateAllWithResult().isEmpty();
    }

    /** Completes the registration's open approval task as the actor; false when there is none. */
    public boolean decideApproval(long registrationId, boolean approved, String comment, String actor) {
        Task task = approvalTask(registrationId);
        if (task == null) {
            return false;
        }
        accounts.actingAs(actor, () -> {
            VariableMap decision = Variables.createVariables();
            APPROVED.put(decision, approved);
            COMMENT.put(decision, comment);
            tasks.complete(task.getId(), decision);
            return null;
        });
        return true;
    }

    /** Who the registration's open approval waits for (a username or a group id), or null when none is open. */
    public String approverOf(long registrationId) {
        Task task = approvalTask(registrationId);
        return task == null ? null : APPROVER.from(runtime.getVariables(task.getExecutionId(), List.of(APPROVER.name())));
    }

    /**
     * Every open approval task with what the page lists about it, read from the process variables
     * service_await_approval wrote: two engine queries, however many tasks are open.
     */
    public List<OpenApproval> openApprovals() {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(KEY).taskDefinitionKey(USER_APPROVE_REGISTRATION)
                .orderByTaskCreateTime().asc().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        runtime.createVariableInstanceQuery()
                .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).toArray(String[]::new))
                .variableNameIn(REGISTRATION_ID.name(), SESSION_ID.name(), SESSION_TITLE.name(),
                        SESSION_STARTS_AT.name(), LEARNER_NAME.name(), APPROVER.name(), REASON.name())
                .list().forEach(v -> variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
                        .put(v.getName(), v.getValue()));
        return open.stream().map(task -> {
            Map<String, Object> of = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
            Date startsAt = SESSION_STARTS_AT.from(of);
            return new OpenApproval(task.getId(), REGISTRATION_ID.from(of), SESSION_ID.from(of),
                    SESSION_TITLE.from(of), startsAt == null ? null : startsAt.toInstant(),
                    LEARNER_NAME.from(of), APPROVER.from(of), REASON.from(of),
                    task.getAssignee(), task.getCreateTime().toInstant());
        }).toList();
    }

    private Task approvalTask(long registrationId) {
        return tasks.createTaskQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(Long.toString(registrationId))
                .taskDefinitionKey(USER_APPROVE_REGISTRATION).singleResult();
    }

    public void cancelled(long registrationId) {
        correlate(MESSAGE_CANCELLED, registrationId, Variables.createVariables());
    }

    /** The seat offer was accepted: the waiting ends with a seat. */
    public void promoted(long registrationId) {
        correlate(MESSAGE_PROMOTED, registrationId, STATUS.put(Variables.createVariables(), RegistrationStatus.REGISTERED));
    }

    /**
     * The session moved: the registration's new times, and every timer that follows the session
     * re-armed from them (recalculated from its expression), wherever the process waits.
     */
    public void rescheduled(long registrationId, Date startsAt, Date endsAt) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(Long.toString(registrationId)).active().singleResult();
        if (instance == null) {
            return;
        }
        VariableMap times = Variables.createVariables();
        SESSION_STARTS_AT.put(times, startsAt);
        SESSION_ENDS_AT.put(times, endsAt);
        REMINDER_AT.put(times, reminderAt(startsAt, endsAt));
        runtime.setVariables(instance.getId(), times);
        Set<String> followers = management.createJobDefinitionQuery().processDefinitionId(
                instance.getProcessDefinitionId()).activityIdIn(TIMERS_FOLLOWING_THE_SESSION.toArray(String[]::new))
                .list().stream().map(JobDefinition::getId).collect(Collectors.toSet());
        management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .filter(job -> followers.contains(job.getJobDefinitionId()))
                .forEach(job -> management.recalculateJobDuedate(job.getId(), false));
    }

    public void attended(long registrationId) {
        correlate(MESSAGE_ATTENDED, registrationId, Variables.createVariables());
    }

    public void offerNotTaken(long registrationId) {
        correlate(MESSAGE_OFFER_NOT_TAKEN, registrationId, Variables.createVariables());
    }

    /** The business key is the registration id; a registration with no waiting process takes no message. */
    private void correlate(String message, long registrationId, VariableMap variables) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(Long.toString(registrationId))
                .setVariables(variables).correlateAllWithResult();
    }
}
