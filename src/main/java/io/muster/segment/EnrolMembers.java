package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_enrol_members: the next chunk of the segment's members is enrolled on the linked course. */
@Component("enrolMembers")
class EnrolMembers implements JavaDelegate {

    private final SmartEnrolments smart;

    EnrolMembers(SmartEnrolments smart) {
        this.smart = smart;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChunkStep.record(execution, smart.enrolMembers(SEGMENT_ID.get(execution),
                COURSE_ID.get(execution), ChunkStep.after(execution),
                ACTOR.get(execution)), ENROLLED);
    }
}
