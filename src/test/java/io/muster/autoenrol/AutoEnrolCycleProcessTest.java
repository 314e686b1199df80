package io.muster.autoenrol;

import static io.muster.autoenrol.AutoEnrolCycleProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bpmn/auto-enrol-cycle.bpmn: one job per course, then the report; started by the nightly timer or by hand. */
@Deployment(resources = "bpmn/auto-enrol-cycle.bpmn")
class AutoEnrolCycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine processEngine;
    final List<String> log = new ArrayList<>();
    String courses = "11,12,13";

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("autoEnrolSchedule", new AutoEnrolSchedule(new AutoEnrolTimes("0 0 0 * * ?")));
        Mocks.register("autoEnrolPlanRun", (JavaDelegate) e -> {
            log.add("plan");
            COURSE_IDS.set(e, courses);
            COURSE_COUNT.set(e, courses.isEmpty() ? 0 : courses.split(",").length);
        });
        Mocks.register("autoEnrolCourse", (JavaDelegate) e -> log.add("course "
                + (COURSE_IDS.get(e)).split(",")[LOOP_COUNTER.get(e)]));
        Mocks.register("autoEnrolReport", (JavaDelegate) e -> {
            log.add("report");
            ENROLLED.set(e, 5L);
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance startByHand() {
        return runtimeService().startProcessInstanceByMessage(MESSAGE_RUN_REQUESTED, Variables.createVariables().putValue(STARTED_BY.name(), "admin"));
    }

    @Test
    void aRunStartedByHandReturnsAtOnceAndDoesEachCourseInAJobOfItsOwnThenReports() {
        ProcessInstance pi = startByHand();
        assertThat(pi).isWaitingAt(TASK_PLAN_RUN).hasPassed(START_BY_HAND);
        Assertions.assertThat(log).isEmpty();

        execute(job(TASK_PLAN_RUN, pi));
        for (int course = 0; course < 3; course++) {
            assertThat(pi).isWaitingAt(TASK_ENROL_COURSE);
            Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
            execute(job(TASK_ENROL_COURSE, pi));
        }
        assertThat(pi).isWaitingAt(TASK_REPORT);
        execute(job(TASK_REPORT, pi));

        assertThat(pi).isEnded().hasPassed(END_REPORTED).variables().containsEntry(ENROLLED.name(), 5L);
        Assertions.assertThat(log).containsExactly("plan", "course 11", "course 12", "course 13", "report");
    }

    @Test
    void aRunWithoutCoursesGoesStraightToItsReport() {
        courses = "";
        ProcessInstance pi = startByHand();
        execute(job(TASK_PLAN_RUN, pi));

        assertThat(pi).isWaitingAt(TASK_REPORT);
        execute(job(TASK_REPORT, pi));
        assertThat(pi).isEnded();
        Assertions.assertThat(log).containsExactly("plan", "report");
    }

    @Test
    void theNightlyTimerStartsARunAndWaitsForTheNextNight() {
        Job timer = managementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
        Assertions.assertThat(timer).isNotNull();

        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());

        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
        assertThat(pi).hasPassed(START_TIMER_NIGHTLY).isWaitingAt(TASK_PLAN_RUN);
        Job next = managementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
        Assertions.assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    }

    @Test
    void aFailingCourseIsRetriedAsItsOwnJobAndTheRunDoesNotReportUntilItSucceeds() {
        Mocks.register("autoEnrolCourse", (JavaDelegate) e -> {
            throw new IllegalStateException("database gone");
        });
        ProcessInstance pi = startByHand();
        execute(job(TASK_PLAN_RUN, pi));

        Job course = job(TASK_ENROL_COURSE, pi);
        Assertions.assertThatThrownBy(() -> managementService().executeJob(course.getId()))
                .hasMessageContaining("database gone");

        Job retried = job(TASK_ENROL_COURSE, pi);
        Assertions.assertThat(retried.getRetries()).isEqualTo(2);
        Assertions.assertThat(retried.getDuedate()).isNotNull();
        assertThat(pi).isWaitingAt(TASK_ENROL_COURSE).hasNotPassed(TASK_REPORT);
    }
}
