package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The domain's only way into the smart-enrolment process. Every path begins with an
 * asynchronous step, so the change that starts it (a profile, a link, a rule) commits at once and the
 * enrolments follow in the job executor, with retries.
 */
@Component
class SmartEnrolmentFacade {

    private final RuntimeService runtime;

    SmartEnrolmentFacade(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void personSegmentsChanged(long personId, String actor) {
        runtime.startProcessInstanceByMessage(MESSAGE_PERSON_SEGMENTS_CHANGED, personKey(personId),
                Variables.createVariables().putValue(PERSON_ID.name(), personId).putValue(ACTOR.name(), actor));
    }

    void courseLinked(long segmentId, long courseId, String actor) {
        startForLink(MESSAGE_COURSE_LINKED, segmentId, courseId, actor);
    }

    void courseUnlinked(long segmentId, long courseId, String actor) {
        startForLink(MESSAGE_COURSE_UNLINKED, segmentId, courseId, actor);
    }

    void segmentRuleChanged(long segmentId, String actor) {
        runtime.startProcessInstanceByMessage(MESSAGE_SEGMENT_RULE_CHANGED, segmentKey(segmentId),
                chunked(segmentId, actor));
    }

    private void startForLink(String message, long segmentId, long courseId, String actor) {
        runtime.startProcessInstanceByMessage(message, linkKey(segmentId, courseId),
                chunked(segmentId, actor).putValue(COURSE_ID.name(), courseId));
    }

    /** What a path working through a segment in chunks starts with: its cursor before the first person, no totals yet. */
    private static VariableMap chunked(long segmentId, String actor) {
        return Variables.createVariables().putValue(SEGMENT_ID.name(), segmentId).putValue(ACTOR.name(), actor)
                .putValue(AFTER_PERSON_ID.name(), 0L).putValue(ENROLLED.name(), 0).putValue(UNENROLLED.name(), 0);
    }
}
