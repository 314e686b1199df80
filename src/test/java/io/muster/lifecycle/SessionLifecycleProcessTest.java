package io.muster.lifecycle;

import static io.muster.lifecycle.SessionLifecycleProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

/** Every path of bpmn/session-lifecycle.bpmn: status by timers, change notifications, attendance. */
@Deployment(resources = "bpmn/session-lifecycle.bpmn")
class SessionLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine processEngine;
    final List<String> log = new ArrayList<>();
    final long now = System.currentTimeMillis();

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("sessionMail", (JavaDelegate) e -> log.add("mail " + MAIL_TYPE.get(e)));
        Mocks.register("inviteLearners", (JavaDelegate) e -> log.add("learners invited"));
        Mocks.register("startSession", (JavaDelegate) e -> log.add("in progress"));
        Mocks.register("completeSession", (JavaDelegate) e -> log.add("completed"));
        Mocks.register("rescheduleSession", (JavaDelegate) e -> {
            SESSION_STARTS_AT.set(e, new Date(now + 3 * DAY));
            SESSION_ENDS_AT.set(e, new Date(now + 3 * DAY + HOUR));
            log.add("rescheduled");
        });
        Mocks.register("recordAttendance", (JavaDelegate) e -> log.add("attendance " + ATTENDED.get(e)));
        trainerOfTheSession(List.of("trainer"));
    }

    private static void trainerOfTheSession(List<String> trainers) {
        AttendanceTakers takers = Mockito.mock(AttendanceTakers.class);
        Mockito.when(takers.users(ArgumentMatchers.any())).thenReturn(trainers);
        Mocks.register("attendanceTakers", takers);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    private ProcessInstance publish(boolean attendanceRecorded) {
        return runtimeService().startProcessInstanceByKey(KEY, "7", Variables.createVariables()
                .putValue(SESSION_ID.name(), 7L)
                .putValue(SESSION_STARTS_AT.name(), new Date(now + DAY)).putValue(SESSION_ENDS_AT.name(), new Date(now + DAY + HOUR))
                .putValue(ATTENDANCE_RECORDED.name(), attendanceRecorded));
    }

    private void runMails(ProcessInstance pi) {
        managementService().createJobQuery().processInstanceId(pi.getId()).messages().list().forEach(j -> execute(j));
    }

    @Test
    void learnersAndTheTrainerAreInvitedAndTheStatusFollowsTheClock() {
        ProcessInstance pi = publish(true);
        assertThat(pi).hasPassed(SERVICE_INVITE_LEARNERS).isWaitingAt(SERVICE_INVITE_TRAINER, TIMER_SESSION_STARTS);
        runMails(pi);
        execute(job(TIMER_SESSION_STARTS, pi));
        assertThat(pi).isWaitingAt(TIMER_SESSION_ENDS);
        execute(job(TIMER_SESSION_ENDS, pi));
        assertThat(pi).isEnded().hasPassed(END_SESSION_COMPLETED);
        Assertions.assertThat(log).containsExactly("learners invited", "mail TRAINER_INVITATION", "in progress",
                "completed");
    }

    @Test
    void withoutAttendanceTheTrainerGetsTheAttendanceTask() {
        ProcessInstance pi = publish(false);
        runMails(pi);
        execute(job(TIMER_SESSION_STARTS, pi));
        execute(job(TIMER_SESSION_ENDS, pi));
        assertThat(pi).isWaitingAt(USER_MARK_ATTENDANCE);
        assertThat(task(pi)).hasCandidateUser("trainer").hasCandidateGroup("muster-admins");
        complete(task(pi), withVariables(ATTENDED.name(), List.of("learner1")));
        assertThat(pi).isEnded().hasPassed(SERVICE_RECORD_ATTENDANCE, END_ATTENDANCE_MARKED);
        Assertions.assertThat(log).endsWith("attendance [learner1]");
    }

    @Test
    void aSessionWithoutTrainerGetsTheAttendanceTaskForAdminsInsteadOfAnIncident() {
        trainerOfTheSession(List.of());
        ProcessInstance pi = publish(false);
        runMails(pi);
        execute(job(TIMER_SESSION_STARTS, pi));
        execute(job(TIMER_SESSION_ENDS, pi));
        assertThat(pi).isWaitingAt(USER_MARK_ATTENDANCE);
        assertThat(task(pi)).hasCandidateGroup("muster-admins");
        Assertions.assertThat(taskService().getIdentityLinksForTask(task(pi).getId()))
                .noneMatch(link -> link.getUserId() != null);
    }

    @Test
    void attendanceRecordedThroughTheApiWithdrawsTheTask() {
        ProcessInstance pi = publish(false);
        runMails(pi);
        execute(job(TIMER_SESSION_STARTS, pi));
        execute(job(TIMER_SESSION_ENDS, pi));
        runtimeService().createMessageCorrelation(MESSAGE_ATTENDANCE_RECORDED).processInstanceBusinessKey("7").correlate();
        assertThat(pi).isEnded().hasPassed(END_ATTENDANCE_RECORDED_ELSEWHERE);
    }

    @Test
    void aChangedScheduleReArmsTheTimersAndSendsUpdatedInvitations() {
        ProcessInstance pi = publish(true);
        runMails(pi);
        new SessionLifecycleFacade(runtimeService(), managementService()).changed(7L);
        runMails(pi);
        Assertions.assertThat(log).containsExactly("learners invited", "mail TRAINER_INVITATION", "rescheduled",
                "mail SESSION_CHANGED");
        Date due = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getDuedate();
        Assertions.assertThat(due).isEqualTo(new Date(now + 3 * DAY));
        assertThat(pi).isWaitingAt(TIMER_SESSION_STARTS);
    }

    @Test
    void aChangeAfterTheStartMovesTheEnd() {
        ProcessInstance pi = publish(true);
        runMails(pi);
        execute(job(TIMER_SESSION_STARTS, pi));
        new SessionLifecycleFacade(runtimeService(), managementService()).changed(7L);
        runMails(pi);
        Date due = managementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getDuedate();
        Assertions.assertThat(due).isEqualTo(new Date(now + 3 * DAY + HOUR));
        assertThat(pi).isWaitingAt(TIMER_SESSION_ENDS);
    }
}
