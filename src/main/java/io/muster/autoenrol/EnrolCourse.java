package io.muster.autoenrol;

import static io.muster.autoenrol.AutoEnrolCycleProcess.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * service_enrol_course, once per course (a multi-instance, each instance its own job and
 * transaction): enrols the course's due people in bulk and stores the counts under the run.
 */
@Component("autoEnrolCourse")
class EnrolCourse implements JavaDelegate {

    private final AutoEnrolCycle cycle;
    private final AutoEnrolSettings settings;

    EnrolCourse(AutoEnrolCycle cycle, AutoEnrolSettings settings) {
        this.cycle = cycle;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String[] courseIds = (COURSE_IDS.get(execution)).split(",");
        long courseId = Long.parseLong(courseIds[LOOP_COUNTER.get(execution)]);
        Date runAt = RUN_AT.get(execution);
        cycle.enrolCourse(execution.getProcessInstanceId(), settings.course(courseId), runAt.toInstant(),
                AutoEnrolCycle.Scope.EVERYONE);
    }
}
