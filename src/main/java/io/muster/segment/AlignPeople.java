package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_align_people: the next chunk of people who joined or left the segment with its new rule catches up. */
@Component("alignPeople")
class AlignPeople implements JavaDelegate {

    private final SmartEnrolments smart;

    AlignPeople(SmartEnrolments smart) {
        this.smart = smart;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SmartEnrolments.Alignment done = smart.alignPeople((Long) execution.getVariable(VAR_SEGMENT_ID),
                ChunkStep.after(execution), (String) execution.getVariable(VAR_ACTOR));
        ChunkStep.record(execution, done.chunk(), VAR_ENROLLED);
        ChunkStep.add(execution, VAR_UNENROLLED, done.unenrolled());
    }
}
