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
        SmartEnrolments.Alignment done = smart.alignPeople(SEGMENT_ID.get(execution),
                ChunkStep.after(execution), ACTOR.get(execution));
        ChunkStep.record(execution, done.chunk(), ENROLLED);
        ChunkStep.add(execution, UNENROLLED, done.unenrolled());
    }
}
