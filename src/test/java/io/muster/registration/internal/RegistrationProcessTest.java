package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import io.muster.registration.RegistrationMethod;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.rules.Decisions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
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
    /** What registration-eligibility answers, and the place the booking (or the approval) gets. */
    Decisions.Outcome eligibility = Decisions.Outcome.REGISTER;
    RegistrationStatus seat = RegistrationStatus.REGISTERED;
    Decisions.ApproverKind approverKind = Decisions.ApproverKind.USER;

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("checkEligibility", (JavaDelegate) e -> {
            ELIGIBILITY.set(e, eligibility);
            if (eligibility == Decisions.Outcome.NEEDS_APPROVAL) {
                APPROVER.set(e, approverKind == Decisions.ApproverKind.USER ? "manager" : "approvers");
                APPROVER_KIND.set(e, approverKind);
                REASON.set(e, "because");
            }
        });
        Mocks.register("reserveSeat", (JavaDelegate) e -> {
            RegistrationIds.link(e, 42L);
            STATUS.set(e, seat);
        });
        Mocks.register("awaitApproval", (JavaDelegate) e -> {
            RegistrationIds.link(e, 42L);
            APPROVAL_REMINDER.set(e, "P2D");
            LEARNER_NAME.set(e, "Lena Learner");
            SESSION_TITLE.set(e, "First aid");
            SESSION_START_TEXT.set(e, "Tue 8 Dec 2026, 09:00 GMT");
        });
        Mocks.register("nameApprovalTask", new NameApprovalTask());
        Mocks.register("takeApprovedSeat", (JavaDelegate) e -> STATUS.set(e, seat));
        Mocks.register("declineApproval", (JavaDelegate) e -> STATUS.set(e, RegistrationStatus.APPROVAL_DECLINED));
        Mocks.register("inviteLearner", (JavaDelegate) e -> STATUS.set(e, RegistrationStatus.INVITED));
        Mocks.register("acceptInvitation", (JavaDelegate) e -> STATUS.set(e, seat));
        Mocks.register("declineInvitation", (JavaDelegate) e -> STATUS.set(e, RegistrationStatus.DECLINED));
        Mocks.register("registrationMail", (JavaDelegate) e -> mails.add(MAIL_TYPE.getLocal(e).name()));
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
            return APPROVER_KIND.get(e) == Decisions.ApproverKind.USER ? List.of(APPROVER.get(e)) : List.of();
        }

        public List<String> groups(DelegateExecution e) {
            return APPROVER_KIND.get(e) == Decisions.ApproverKind.GROUP ? List.of(APPROVER.get(e)) : List.of();
        }
    }

    /** The facade itself, on this test's engine: how the domain starts and moves registrations. */
    private RegistrationFacade facade() {
        return new RegistrationFacade(runtimeService(), taskService(), managementService(), null,
                new RegistrationSettings(Duration.ofDays(2), Duration.ofHours(24)));
    }

    private static final long DAY = 24L * 3600 * 1000;

    private static Date inDays(long days) {
        return new Date(System.currentTimeMillis() + days * DAY);
    }

    /** A booking, started as the facade starts every booking. */
    private ProcessInstance start() {
        facade().book(7L, 9L, RegistrationMethod.SELF, "learner", false, inDays(10), new Date(inDays(10).getTime() + 7_200_000));
        return processInstanceQuery().singleResult();
    }

    /** A learner on the roster is invited: the same start, routed to the invitation. */
    private ProcessInstance invite() {
        facade().invite(42L, 7L, 9L, RegistrationMethod.ADMIN, "admin", inDays(10),
                new Date(inDays(10).getTime() + 7_200_000));
        return processInstanceQuery().singleResult();
    }

    @Test
    void anEligibleBookingTakesASeatMailsItsConfirmationAndWaitsForTheSession() {
        ProcessInstance pi = start();
        assertThat(pi).hasPassed(SERVICE_CHECK_ELIGIBILITY, SERVICE_RESERVE_SEAT).hasNotPassed(SERVICE_AWAIT_APPROVAL)
                .hasBusinessKey("42").isWaitingAt(SERVICE_NOTIFY_REGISTERED);
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("REGISTERED");
        runtimeService().createMessageCorrelation(MESSAGE_CANCELLED).processInstanceBusinessKey("42").correlate();
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(END_CANCELLED);
        Assertions.assertThat(mails).containsExactly("REGISTERED", "CANCELLED");
    }

    @Test
    void aBookingOfAFullSessionWaitsOnTheWaitingListAndTakesAPromotion() {
        seat = RegistrationStatus.WAITING_LIST;
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_WAITING_LIST);
        runMails(pi);
        assertThat(pi).isWaitingAt(EVENT_WAITING);
        facade().promoted(42L);
        runMails(pi);
        assertThat(pi).isWaitingAt(TIMER_SESSION_OVER);
        Assertions.assertThat(mails).containsExactly("WAITING_LIST", "REGISTERED");
    }

    @Test
    void anInvitationIsMailedAfterCommitAndAnAcceptedOneJoinsTheBookedPath() {
        ProcessInstance pi = invite();
        assertThat(pi).hasPassed(SERVICE_INVITE_LEARNER).hasNotPassed(SERVICE_CHECK_ELIGIBILITY)
                .isWaitingAt(SERVICE_NOTIFY_INVITATION, EVENT_INVITATION_ANSWER);
        Assertions.assertThat(mails).isEmpty();
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("INVITATION");

        correlate(MESSAGE_INVITATION_ACCEPTED);
        assertThat(pi).hasPassed(SERVICE_ACCEPT_INVITATION).isWaitingAt(SERVICE_NOTIFY_REGISTERED);
        runMails(pi);
        assertThat(pi).isWaitingAt(TIMER_SESSION_OVER);
        Assertions.assertThat(job(TIMER_REMINDER_DUE, pi)).as("the reminder is armed").isNotNull();
        Assertions.assertThat(mails).containsExactly("INVITATION", "REGISTERED");
    }

    @Test
    void anInvitationAcceptedWhenFullButQueuedWaitsOnTheWaitingList() {
        seat = RegistrationStatus.WAITING_LIST;
        ProcessInstance pi = invite();
        runMails(pi);
        correlate(MESSAGE_INVITATION_ACCEPTED);
        runMails(pi);
        assertThat(pi).isWaitingAt(EVENT_WAITING);
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
        Date later = inDays(20);
        facade().rescheduled(42L, later, new Date(later.getTime() + 7_200_000));
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
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_REGISTERED);
        Assertions.assertThat(mails).isEmpty();
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("REGISTERED");
        assertThat(pi).isWaitingAt(TIMER_SESSION_OVER);
        Assertions.assertThat(job(TIMER_REMINDER_DUE, pi)).as("the reminder is armed").isNotNull();
        Assertions.assertThat(processInstanceQuery().processInstanceBusinessKey("42").count()).isOne();

        execute(job(TIMER_REMINDER_DUE, pi));
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("REGISTERED", "REMINDER");
        assertThat(pi).isWaitingAt(TIMER_SESSION_OVER);
        execute(job(TIMER_SESSION_OVER, pi));
        assertThat(pi).isEnded().hasPassed(END_SESSION_OVER);
    }

    @Test
    void aRescheduledSessionMovesTheReminderAndTheEnd() {
        ProcessInstance pi = start();
        runMails(pi);
        Date later = inDays(20);
        Date laterEnd = new Date(later.getTime() + 7_200_000);
        facade().rescheduled(42L, later, laterEnd);
        assertThat(pi).isWaitingAt(TIMER_SESSION_OVER);
        Assertions.assertThat(job(TIMER_REMINDER_DUE, pi)).as("the reminder is armed").isNotNull();
        Assertions.assertThat(job(TIMER_REMINDER_DUE, pi).getDuedate()).isEqualTo(new Date(later.getTime() - DAY));
        Assertions.assertThat(job(TIMER_SESSION_OVER, pi).getDuedate()).isEqualTo(laterEnd);
    }

    @Test
    void aRescheduledSessionMovesTheWaitingListsEndAndTheApprovalsDeadline() {
        seat = RegistrationStatus.WAITING_LIST;
        ProcessInstance waiting = start();
        runMails(waiting);
        Date later = inDays(30);
        Date laterEnd = new Date(later.getTime() + 7_200_000);
        facade().rescheduled(42L, later, laterEnd);
        Assertions.assertThat(job(TIMER_SESSION_OVER_WAITING, waiting).getDuedate()).isEqualTo(laterEnd);
        runtimeService().deleteProcessInstance(waiting.getId(), "next case");

        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
        ProcessInstance approval = start();
        Date reminderDue = job(TIMER_REMIND_APPROVER, approval).getDuedate();
        facade().rescheduled(42L, later, laterEnd);
        Assertions.assertThat(job(TIMER_SESSION_STARTS_UNAPPROVED, approval).getDuedate()).isEqualTo(later);
        Assertions.assertThat(job(TIMER_REMIND_APPROVER, approval).getDuedate())
                .as("the approver's reminder counts from the request, not from the session").isEqualTo(reminderDue);
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
        seat = RegistrationStatus.WAITING_LIST;
        ProcessInstance pi = start();
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("WAITING_LIST");
        assertThat(pi).isWaitingAt(EVENT_WAITING);
        facade().promoted(42L);
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("WAITING_LIST", "REGISTERED");
        assertThat(pi).isWaitingAt(TIMER_SESSION_OVER);
    }

    @Test
    void aWaitingLearnerWhoseOfferLapsesEnds() {
        seat = RegistrationStatus.WAITING_LIST;
        ProcessInstance pi = start();
        runMails(pi);
        correlate(MESSAGE_OFFER_NOT_TAKEN);
        assertThat(pi).isEnded().hasPassed(END_OFFER_NOT_TAKEN, END_NO_SEAT);
    }

    @Test
    void approvalGoesToTheManagerAndApprovedTakesASeat() {
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
        ProcessInstance pi = start();
        assertThat(pi).as("the task is there before the mail about it is sent")
                .isWaitingAt(USER_APPROVE_REGISTRATION, SERVICE_NOTIFY_APPROVER);
        runMails(pi);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST");
        assertThat(pi).isWaitingAt(USER_APPROVE_REGISTRATION);
        assertThat(task(pi)).hasCandidateUser("manager");
        Assertions.assertThat(taskService().createTaskQuery().taskCandidateUser("someone-else").count()).isZero();

        complete(task(pi), withVariables(APPROVED.name(), true, COMMENT.name(), "ok"));
        assertThat(pi).hasPassed(SERVICE_TAKE_APPROVED_SEAT).isWaitingAt(SERVICE_NOTIFY_REGISTERED);
    }

    @Test
    void theApprovalTaskSaysWhoseRequestForWhichSessionAndWhyItNeedsApproval() {
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
        ProcessInstance pi = start();
        assertThat(task(pi)).hasName("Approve: Lena Learner — First aid, Tue 8 Dec 2026, 09:00 GMT")
                .hasDescription("because");
    }

    @Test
    void withoutAManagerTheApproversGroupDecides() {
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
        approverKind = Decisions.ApproverKind.GROUP;
        ProcessInstance pi = start();
        runMails(pi);
        assertThat(task(pi)).hasCandidateGroup("approvers");
    }

    @Test
    void aDeclinedApprovalEndsWithAMail() {
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
        RosterService roster = Mockito.mock(RosterService.class);
        Mocks.register("declineApproval", new DeclineApproval(roster));
        ProcessInstance pi = start();
        runMails(pi);
        complete(task(pi), withVariables(APPROVED.name(), false, COMMENT.name(), "not now"));
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(SERVICE_DECLINE_APPROVAL, END_APPROVAL_DECLINED);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "APPROVAL_DECLINED");
        // the approver's comment is the reason, not the eligibility reason the process also holds
        Mockito.verify(roster).declineApproval(42L, Actors.SYSTEM, "Declined: not now");
    }

    @Test
    void theApproverIsRemindedAndTheTaskStaysOpen() {
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
        ProcessInstance pi = start();
        runMails(pi);
        execute(job(TIMER_REMIND_APPROVER, pi));
        execute(job(SERVICE_REMIND_APPROVER, pi));
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "APPROVAL_REMINDER");
        assertThat(pi).isWaitingAt(USER_APPROVE_REGISTRATION);
    }

    @Test
    void whenTheSessionStartsBeforeApprovalTheRegistrationIsDeclined() {
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
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
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
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
        eligibility = Decisions.Outcome.NEEDS_APPROVAL;
        seat = RegistrationStatus.CANCELLED;
        ProcessInstance pi = start();
        runMails(pi);
        complete(task(pi), withVariables(APPROVED.name(), true));
        runMails(pi);
        assertThat(pi).isEnded().hasPassed(END_FULL_AFTER_APPROVAL, END_NOT_REGISTERED);
        Assertions.assertThat(mails).containsExactly("APPROVAL_REQUEST", "CANCELLED");
    }

    @Test
    void aMailTheServerRefusesWaitsLongerAfterEachTryForOverAnHourThenBecomesAnIncidentThatCockpitsRetrySends() {
        Mocks.register("registrationMail", (JavaDelegate) e -> {
            throw new IllegalStateException("SMTP down");
        });
        Date now = new Date();
        ClockUtil.setCurrentTime(now);
        try {
            ProcessInstance pi = start();
            List<Long> pausesInMinutes = new ArrayList<>();
            Job job = managementService().createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
            while (job.getRetries() > 0) {
                try {
                    managementService().executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // SMTP down: the job is due again later
                }
                job = managementService().createJobQuery().processInstanceId(pi.getId()).messages().singleResult();
                if (job.getRetries() > 0) {
                    pausesInMinutes.add((job.getDuedate().getTime() - now.getTime()) / 60_000);
                    now = job.getDuedate();
                    ClockUtil.setCurrentTime(now);
                }
            }
            Assertions.assertThat(pausesInMinutes).containsExactly(1L, 2L, 4L, 8L, 16L, 32L);
            Assertions.assertThat(pausesInMinutes.stream().mapToLong(Long::longValue).sum())
                    .as("an outage of an hour needs nobody").isGreaterThanOrEqualTo(60);
            Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
            assertThat(pi).isWaitingAt(SERVICE_NOTIFY_REGISTERED);

            // SMTP is back and an admin presses Retry on the incident in Cockpit: one more try, which sends
            List<String> sent = new ArrayList<>();
            Mocks.register("registrationMail", (JavaDelegate) e -> sent.add(e.getCurrentActivityId()));
            managementService().setJobRetries(job.getId(), 1);
            managementService().executeJob(job.getId());
            Assertions.assertThat(sent).containsExactly(SERVICE_NOTIFY_REGISTERED);
            Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
            assertThat(pi).hasPassed(SERVICE_NOTIFY_REGISTERED);
        } finally {
            ClockUtil.reset();
        }
    }
}
