package io.muster.registration;

import static io.muster.registration.RegistrationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import io.muster.roster.RosterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;

/** Every path of bpmn/registration.bpmn on an in-memory engine, with the domain mocked away. */
@Deployment(resources = "bpmn/registration.bpmn")
class RegistrationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine processEngine;

    final List<String> mails = new ArrayList<>();
    /** What the request decided: an approver to ask, else the {@link #seat} taken. */
    boolean needsApproval = false;
    String seat = "REGISTERED";
    String approverKind = "USER";

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("awaitApproval", (JavaDelegate) e -> {
            e.setVariable(VAR_REGISTRATION_ID, 42L);
            e.setProcessBusinessKey("42");
            e.setVariable(VAR_LEARNER_NAME, "Lena Learner");
            e.setVariable(VAR_SESSION_TITLE, "First aid");
            e.setVariable(VAR_SESSION_START_TEXT, "Tue 8 Dec 2026, 09:00 GMT");
        });
        Mocks.register("nameApprovalTask", new NameApprovalTask());
        Mocks.register("takeApprovedSeat", (JavaDelegate) e -> e.setVariable(VAR_STATUS, seat));
        Mocks.register("declineApproval", (JavaDelegate) e -> e.setVariable(VAR_STATUS, "APPROVAL_DECLINED"));
        Mocks.register("inviteLearner", (JavaDelegate) e -> e.setVariable(VAR_STATUS, "INVITED"));
        Mocks.register("acceptInvitation", (JavaDelegate) e -> e.setVariable(VAR_STATUS, seat));
        Mocks.register("declineInvitation", (JavaDelegate) e -> e.setVariable(VAR_STATUS, "DECLINED"));
        Mocks.register("registrationMail", (JavaDelegate) e -> mails.add((String) e.getVariable(VAR_MAIL_TYPE)));
        Mocks.register("approvalCandidates", new Candidates());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** Runs the pending asynchronous mail jobs, as the job executor would after the commit. */
    private void runMails(ProcessInstance pi) {
        managementService().createJobQuery().processInstanceId(pi.getId()).messages().list()
                .forEach(job -> execute(job));
    }

    /** Stands in for the ApprovalCandidates bean. */
    public static class Candidates {
        public List<String> users(DelegateExecution e) {
            return "USER".equals(e.getVariable(VAR_APPROVER_KIND)) ? List.of((String) e.getVariable(VAR_APPROVER)) : List.of();
        }

        public List<String> groups(DelegateExecution e) {
            return "GROUP".equals(e.getVariable(VAR_APPROVER_KIND)) ? List.of((String) e.getVariable(VAR_APPROVER)) : List.of();
        }
    }

    /** What the facade starts every registration with: session, person, actor and the session's times. */
    private static VariableMap startVariables(String method, String actor) {
        long now = System.currentTimeMillis();
        return Variables.createVariables()
                .putValue(VAR_SESSION_ID, 7L).putValue(VAR_PERSON_ID, 9L).putValue(VAR_METHOD, method)
                .putValue(VAR_ACTOR, actor)
                .putValue(VAR_SESSION_STARTS_AT, new Date(now + 10L * 24 * 3600 * 1000))
                .putValue(VAR_SESSION_ENDS_AT, new Date(now + 10L * 24 * 3600 * 1000 + 7_200_000))
                .putValue(VAR_REMINDER_AT, new Date(now + 9L * 24 * 3600 * 1000))
                .putValue(VAR_APPROVAL_REMINDER, "P2D");
    }

    /** Starts as the facade does once the request has decided: the seat taken, or the approver to ask. */
    private ProcessInstance start() {
        if (!needsApproval) {
            return startBooked(seat);
        }
        return runtimeService().startProcessInstanceByKey(KEY, startVariables("SELF", "learner")
                .putValue(VAR_STATUS, "NEEDS_APPROVAL").putValue(VAR_REASON, "because")
                .putValue(VAR_APPROVER, "USER".equals(approverKind) ? "manager" : "approvers")
                .putValue(VAR_APPROVER_KIND, approverKind));
    }

    /** A learner added while the session was a draft: the session was published. */
    private ProcessInstance invite() {
        return runtimeService().createMessageCorrelation(MESSAGE_INVITED).processInstanceBusinessKey("42")
                .setVariables(startVariables("ADMIN", "admin").putValue(VAR_REGISTRATION_ID, 42L))
                .correlateStartMessage();
    }

    /** A booking the request has seated or queued: no approver, so no approval reminder either. */
    private ProcessInstance startBooked(String status) {
        VariableMap variables = startVariables("SELF", "learner");
        variables.remove(VAR_APPROVAL_REMINDER);
        return runtimeService().startProcessInstanceByKey(KEY, "42",
                variables.putValue(VAR_REGISTRATION_ID, 42L).putValue(VAR_STATUS, status));
    }

    @Test
    void aBookingSeatedInTheRequestSkipsApprovalMailsItsConfirmationAndWaitsForTheSession() {
        ProcessInstance pi = startBooked("REGISTERED");
        assertThat(pi).hasPassed(GATEWAY_APPROVAL_NEEDED).hasNotPassed(SERVICE_AWAIT_APPROVAL)
                .isWaitingAt(SERVICE_NOTIFY_REGISTERED, EVENT_REGISTERED);
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("REGISTERED");
        runtimeService().createMessageCorrelation(MESSAGE_CANCELLED).processInstanceBusinessKey("42").correlate();
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(END_CANCELLED);
        Assertions.assertThat(mails).containsExactly("REGISTERED", "CANCELLED");
    }

    @Test
    void aBookingQueuedInTheRequestStartsOnTheWaitingListAndTakesAPromotion() {
        ProcessInstance pi = startBooked("WAITING_LIST");
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_WAITING_LIST, EVENT_WAITING);
        runMails(pi);
        runtimeService().createMessageCorrelation(MESSAGE_PROMOTED).processInstanceBusinessKey("42").correlate();
        runMails(pi);
        assertThat(pi).isWaitingAt(EVENT_REGISTERED);
        Assertions.assertThat(mails).containsExactly("WAITING_LIST", "REGISTERED");
    }

    @Test
    void anInvitationIsMailedAfterCommitAndAnAcceptedOneJoinsTheBookedPath() {
        ProcessInstance pi = invite();
        assertThat(pi).hasPassed(SERVICE_INVITE_LEARNER).isWaitingAt(SERVICE_NOTIFY_INVITATION, EVENT_INVITATION_ANSWER);
        Assertions.assertThat(mails).isEmpty();
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("INVITATION");

        correlate(MESSAGE_INVITATION_ACCEPTED);
        assertThat(pi).hasPassed(SERVICE_ACCEPT_INVITATION).isWaitingAt(SERVICE_NOTIFY_REGISTERED, EVENT_REGISTERED);
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("INVITATION", "REGISTERED");
    }

    @Test
    void anInvitationAcceptedWhenFullButQueuedWaitsOnTheWaitingList() {
        seat = "WAITING_LIST";
        ProcessInstance pi = invite();
        correlate(MESSAGE_INVITATION_ACCEPTED);
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_INVITATION, SERVICE_NOTIFY_WAITING_LIST, EVENT_WAITING);
    }

    @Test
    void aDeclinedInvitationEnds() {
        ProcessInstance pi = invite();
        runMails(pi);
        correlate(MESSAGE_INVITATION_DECLINED);
        assertThat(pi).isEnded().hasPassed(SERVICE_DECLINE_INVITATION, END_INVITATION_DECLINED);
    }

    @Test
    void anInvitationUnansweredAtTheStartIsDeclinedAndFollowsAReschedule() {
        ProcessInstance pi = invite();
        runMails(pi);
        Date later = new Date(System.currentTimeMillis() + 20L * 24 * 3600 * 1000);
        runtimeService().createMessageCorrelation(MESSAGE_RESCHEDULED).processInstanceBusinessKey("42")
                .setVariable(VAR_SESSION_STARTS_AT, later).correlate();
        assertThat(pi).isWaitingAt(EVENT_INVITATION_ANSWER);
        Assertions.assertThat(job(TIMER_INVITATION_UNANSWERED, pi).getDuedate()).isEqualTo(later);
        execute(job(TIMER_INVITATION_UNANSWERED, pi));
        assertThat(pi).isEnded().hasPassed(SERVICE_EXPIRE_INVITATION, END_INVITATION_EXPIRED);
    }

    @Test
    void aCancelledInvitationIsToldAndEnds() {
        ProcessInstance pi = invite();
        runMails(pi);
        correlate(MESSAGE_CANCELLED);
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(END_CANCELLED);
        Assertions.assertThat(mails).containsExactly("INVITATION", "CANCELLED");
    }

    private void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("42").correlate();
    }

    @Test
    void aBookedSeatIsConfirmedByMailAfterCommitAndWaitsForTheSessionToEnd() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_REGISTERED, EVENT_REGISTERED);
        Assertions.assertThat(mails).isEmpty();
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("REGISTERED");
        assertThat(pi).isWaitingAt(EVENT_REGISTERED);
        Assertions.assertThat(processInstanceQuery().processInstanceBusinessKey("42").count()).isOne();

        execute(job(TIMER_REMINDER_DUE, pi));
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("REGISTERED", "REMINDER");
        assertThat(pi).isWaitingAt(EVENT_REMINDED);
        execute(job(TIMER_SESSION_OVER, pi));
        assertThat(pi).isEnded().hasPassed(END_SESSION_OVER);
    }

    @Test
    void aRescheduledSessionMovesTheReminderAndTheEnd() {
        ProcessInstance pi = start();
        runMails(pi);
        Date later = new Date(System.currentTimeMillis() + 20L * 24 * 3600 * 1000);
        runtimeService().createMessageCorrelation(MESSAGE_RESCHEDULED).processInstanceBusinessKey("42")
                .setVariable(VAR_REMINDER_AT, later).correlate();
        assertThat(pi).isWaitingAt(EVENT_REGISTERED);
        Assertions.assertThat(job(TIMER_REMINDER_DUE, pi).getDuedate()).isEqualTo(later);
    }

    @Test
    void attendanceEndsTheRegistration() {
        ProcessInstance pi = start();
        runMails(pi);
        correlate(MESSAGE_ATTENDED);
        assertThat(pi).isEnded();
    }

    @Test
    void aRegisteredLearnerWhoCancelsIsToldByMail() {
        ProcessInstance pi = start();
        runMails(pi);
        correlate(MESSAGE_CANCELLED);
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_CANCELLED);
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(END_CANCELLED);
        Assertions.assertThat(mails).containsExactly("REGISTERED", "CANCELLED");
    }

    @Test
    void aWaitingLearnerWhoAcceptsAnOfferIsConfirmed() {
        seat = "WAITING_LIST";
        ProcessInstance pi = start();
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("WAITING_LIST");
        assertThat(pi).isWaitingAt(EVENT_WAITING);
        correlate(MESSAGE_PROMOTED);
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("WAITING_LIST", "REGISTERED");
        assertThat(pi).isWaitingAt(EVENT_REGISTERED);
    }

    @Test
    void aWaitingLearnerWhoseOfferLapsesEnds() {
        seat = "WAITING_LIST";
        ProcessInstance pi = start();
        runMails(pi);
        correlate(MESSAGE_OFFER_NOT_TAKEN);
        assertThat(pi).isEnded().hasPassed(END_OFFER_NOT_TAKEN);
    }

    @Test
    void approvalGoesToTheManagerAndApprovedTakesASeat() {
        needsApproval = true;
        ProcessInstance pi = start();
        assertThat(pi).as("the task is there before the mail about it is sent")
                .isWaitingAt(USER_APPROVE_REGISTRATION, SERVICE_NOTIFY_APPROVER);
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST");
        assertThat(pi).isWaitingAt(USER_APPROVE_REGISTRATION);
        assertThat(task(pi)).hasCandidateUser("manager");
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateUser("someone-else").count()).isZero();

        complete(task(pi), withVariables(VAR_APPROVED, true, VAR_COMMENT, "ok"));
        assertThat(pi).hasPassed(SERVICE_TAKE_APPROVED_SEAT).isWaitingAt(SERVICE_NOTIFY_REGISTERED, EVENT_REGISTERED);
    }

    @Test
    void theApprovalTaskSaysWhoseRequestForWhichSessionAndWhyItNeedsApproval() {
        needsApproval = true;
        ProcessInstance pi = start();
        assertThat(task(pi)).hasName("Approve: Lena Learner — First aid, Tue 8 Dec 2026, 09:00 GMT")
                .hasDescription("because");
    }

    @Test
    void withoutAManagerTheApproversGroupDecides() {
        needsApproval = true;
        approverKind = "GROUP";
        ProcessInstance pi = start();
        runMails(pi);
        assertThat(task(pi)).hasCandidateGroup("approvers");
    }

    @Test
    void aDeclinedApprovalEndsWithAMail() {
        needsApproval = true;
        RosterService roster = Mockito.mock(RosterService.class);
        Mocks.register("declineApproval", new DeclineApproval(roster));
        ProcessInstance pi = start();
        runMails(pi);
        complete(task(pi), withVariables(VAR_APPROVED, false, VAR_COMMENT, "not now"));
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(SERVICE_DECLINE_APPROVAL, END_APPROVAL_DECLINED);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "APPROVAL_DECLINED");
        // the approver's comment is the reason, not the eligibility reason the process also holds
        Mockito.verify(roster).declineApproval(42L, Actors.SYSTEM, "Declined: not now");
    }

    @Test
    void theApproverIsRemindedAndTheTaskStaysOpen() {
        needsApproval = true;
        ProcessInstance pi = start();
        runMails(pi);
        execute(job(TIMER_REMIND_APPROVER, pi));
        execute(job(SERVICE_REMIND_APPROVER, pi));
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "APPROVAL_REMINDER");
        assertThat(pi).isWaitingAt(USER_APPROVE_REGISTRATION);
    }

    @Test
    void whenTheSessionStartsBeforeApprovalTheRegistrationIsDeclined() {
        needsApproval = true;
        RosterService roster = Mockito.mock(RosterService.class);
        Mocks.register("declineApproval", new DeclineApproval(roster));
        ProcessInstance pi = start();
        runMails(pi);
        execute(job(TIMER_SESSION_STARTS_UNAPPROVED, pi));
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(SERVICE_EXPIRE_APPROVAL, END_APPROVAL_DECLINED);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "APPROVAL_DECLINED");
        Mockito.verify(roster).declineApproval(42L, Actors.SYSTEM,
                "The session started before the registration was approved");
    }

    @Test
    void cancellingWhileAwaitingApprovalWithdrawsTheTaskAndTellsTheLearner() {
        needsApproval = true;
        ProcessInstance pi = start();
        runMails(pi);
        correlate(MESSAGE_CANCELLED);
        Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(END_CANCELLED);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "CANCELLED");
    }

    @Test
    void approvedIntoAFullSessionWithoutWaitingListIsCancelledWithAMail() {
        needsApproval = true;
        seat = "CANCELLED";
        ProcessInstance pi = start();
        runMails(pi);
        complete(task(pi), withVariables(VAR_APPROVED, true));
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(END_CANCELLED);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "CANCELLED");
    }

    @Test
    void mailTasksRetryThreeTimesThenBecomeAnIncident() {
        Mocks.register("inviteLearner", (JavaDelegate) e -> e.setVariable(VAR_STATUS, "INVITED"));
        Mocks.register("acceptInvitation", (JavaDelegate) e -> e.setVariable(VAR_STATUS, seat));
        Mocks.register("declineInvitation", (JavaDelegate) e -> e.setVariable(VAR_STATUS, "DECLINED"));
        Mocks.register("registrationMail", (JavaDelegate) e -> {
            throw new IllegalStateException("SMTP down");
        });
        ProcessInstance pi = start();
        for (int i = 0; i < 3; i++) {
            String id = managementService().createJobQuery().processInstanceId(pi.getId()).messages().singleResult().getId();
            try {
                managementService().executeJob(id);
            } catch (RuntimeException expected) {
                // the job keeps its retries count-down
            }
        }
        Assertions.assertThat(managementService().createJobQuery().messages().singleResult().getRetries()).isZero();
        Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_REGISTERED, EVENT_REGISTERED);
    }
}
