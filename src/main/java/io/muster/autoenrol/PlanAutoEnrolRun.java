package io.muster.autoenrol;

import static io.muster.autoenrol.AutoEnrolCycleProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_plan_run: fixes the run's instant and the courses it covers (those with auto-enrol on),
 * and reads all their candidates in one pass for the courses' steps.
 */
@Component("autoEnrolPlanRun")
class PlanAutoEnrolRun implements JavaDelegate {

    private final AutoEnrolSettings settings;
    private final AutoEnrolCycle cycle;
    private final Clock clock;

    PlanAutoEnrolRun(AutoEnrolSettings settings, AutoEnrolCycle cycle, Clock clock) {
        this.settings = settings;
        this.cycle = cycle;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<AutoEnrolSettings.CourseSettings> courses = settings.enabledCourses();
        Instant runAt = clock.instant();
        cycle.plan(execution.getProcessInstanceId(), courses, runAt);
        RUN_AT.set(execution, Date.from(runAt));
        COURSE_IDS.set(execution, courses.stream().map(c -> String.valueOf(c.courseId()))
                .collect(Collectors.joining(",")));
        COURSE_COUNT.set(execution, courses.size());
    }
}
