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
        String[] courseIds = ((String) execution.getVariable(VAR_COURSE_IDS)).split(",");
        long courseId = Long.parseLong(courseIds[(Integer) execution.getVariable(VAR_LOOP_COUNTER)]);
        Date runAt = (Date) execution.getVariable(VAR_RUN_AT);
        cycle.enrolCourse(execution.getProcessInstanceId(), settings.course(courseId), runAt.toInstant(),
                AutoEnrolCycle.Scope.EVERYONE);
    }
}
