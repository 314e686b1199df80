package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_unenrol_unlinked: the next chunk of people the link enrolled loses it; completions of ended enrolments are archived. */
@Component("unenrolUnlinked")
class UnenrolUnlinked implements JavaDelegate {

    private final SmartEnrolments smart;

    UnenrolUnlinked(SmartEnrolments smart) {
        this.smart = smart;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChunkStep.record(execution, smart.unenrolUnlinked(SEGMENT_ID.get(execution),
                COURSE_ID.get(execution), ChunkStep.after(execution),
                ACTOR.get(execution)), UNENROLLED);
    }
}
