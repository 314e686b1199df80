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
    String eligibility = "REGISTER";
    String seat = "REGISTERED";
    String approverKind = "USER";

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("checkEligibility", (JavaDelegate) e -> {
            e.setVariable(VAR_OUTCOME, eligibility);
            e.setVariable(VAR_REASON, "because");
            e.setVariable(VAR_APPROVER, "USER".equals(approverKind) ? "manager" : "approvers");
            e.setVariable(VAR_APPROVER_KIND, approverKind);
        });
        Mocks.register("bookSeat", (JavaDelegate) e -> {
            e.setVariable(VAR_REGISTRATION_ID, 42L);
            e.setProcessBusinessKey("42");
            e.setVariable(VAR_STATUS, seat);
        });
        Mocks.register("awaitApproval", (JavaDelegate) e -> {
            e.setVariable(VAR_REGISTRATION_ID, 42L);
            e.setProcessBusinessKey("42");
        });
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

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, startVariables("SELF", "learner"));
    }

    /** A learner added while the session was a draft: the session was published. */
    private ProcessInstance invite() {
        return runtimeService().createMessageCorrelation(MESSAGE_INVITED).processInstanceBusinessKey("42")
                .setVariables(startVariables("ADMIN", "admin").putValue(VAR_REGISTRATION_ID, 42L))
                .correlateStartMessage();
    }

    /** A booking the request has seated: the facade starts its process just past the seat decision. */
    private ProcessInstance startBooked(String status) {
        // as the facade starts it: no eligibility outcome and no approval reminder past the seat
        VariableMap variables = startVariables("SELF", "learner");
        variables.remove(VAR_APPROVAL_REMINDER);
        return runtimeService().createProcessInstanceByKey(KEY).businessKey("42").startBeforeActivity(GATEWAY_SEAT_JOIN)
                .setVariables(variables.putValue(VAR_REGISTRATION_ID, 42L).putValue(VAR_STATUS, status))
                .execute();
    }

    @Test
    void aBookingSeatedInTheRequestStartsPastTheSeatMailsItsConfirmationAndWaitsForTheSession() {
        ProcessInstance pi = startBooked("REGISTERED");
        assertThat(pi).hasNotPassed(SERVICE_CHECK_ELIGIBILITY, SERVICE_BOOK_SEAT)
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
    void aRejectedRegistrationEndsAtOnceAndStoresNothing() {
        eligibility = "REJECT";
        ProcessInstance pi = start();
        assertThat(pi).isEnded().hasPassed(END_REJECTED).hasNotPassed(SERVICE_BOOK_SEAT);
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
        eligibility = "NEEDS_APPROVAL";
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
    void withoutAManagerTheApproversGroupDecides() {
        eligibility = "NEEDS_APPROVAL";
        approverKind = "GROUP";
        ProcessInstance pi = start();
        runMails(pi);
        assertThat(task(pi)).hasCandidateGroup("approvers");
    }

    @Test
    void aDeclinedApprovalEndsWithAMail() {
        eligibility = "NEEDS_APPROVAL";
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
        eligibility = "NEEDS_APPROVAL";
        ProcessInstance pi = start();
        runMails(pi);
        execute(job(TIMER_REMIND_APPROVER, pi));
        execute(job(SERVICE_REMIND_APPROVER, pi));
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "APPROVAL_REMINDER");
        assertThat(pi).isWaitingAt(USER_APPROVE_REGISTRATION);
    }

    @Test
    void whenTheSessionStartsBeforeApprovalTheRegistrationIsDeclined() {
        eligibility = "NEEDS_APPROVAL";
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
        eligibility = "NEEDS_APPROVAL";
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
        eligibility = "NEEDS_APPROVAL";
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
