package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

/**
 * bpmn/smart-enrolment.bpmn, path by path: a person's segments changed; a course linked and
 * unlinked, and a segment's rule changed, worked through in chunks, each chunk its own job (its own transaction, retried alone).
 */
@Deployment(resources = "bpmn/smart-enrolment.bpmn")
class SmartEnrolmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine processEngine;
    final List<String> log = new ArrayList<>();

    /** A chunk step that hands out {@code chunks} chunks of 1,000 people, the last one short. */
    private JavaDelegate chunks(String name, int chunks, String total) {
        return e -> {
            long after = AFTER_PERSON_ID.get(e);
            int done = (int) (after / 1000) + 1;
            log.add(name + " after " + after);
            AFTER_PERSON_ID.set(e, after + 1000);
            e.setVariable(total, (Integer) e.getVariable(total) + (done < chunks ? 1000 : 10));
            MORE.set(e, done < chunks);
        };
    }

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("enrolPerson", (JavaDelegate) e -> log.add("enrol person " + PERSON_ID.get(e)));
        Mocks.register("unenrolPerson", (JavaDelegate) e -> log.add("unenrol person " + PERSON_ID.get(e)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start(String message, String businessKey, long segmentId, long courseId) {
        return runtimeService().startProcessInstanceByMessage(message, businessKey, Variables.createVariables()
                .putValue(SEGMENT_ID.name(), segmentId).putValue(COURSE_ID.name(), courseId).putValue(ACTOR.name(), "admin")
                .putValue(AFTER_PERSON_ID.name(), 0L).putValue(ENROLLED.name(), 0).putValue(UNENROLLED.name(), 0));
    }

    @Test
    void aPersonsChangedSegmentsEnrolThenUnenrolThemAfterTheProfileChangeCommitted() {
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(MESSAGE_PERSON_SEGMENTS_CHANGED,
                personKey(7), Variables.createVariables().putValue(PERSON_ID.name(), 7L).putValue(ACTOR.name(), "admin"));

        assertThat(pi).hasPassed(START_PERSON_SEGMENTS_CHANGED).isWaitingAt(SERVICE_ENROL_PERSON);
        Assertions.assertThat(log).isEmpty();
        execute(job(SERVICE_ENROL_PERSON, pi));
        assertThat(pi).isEnded().hasPassed(END_PERSON_IN_LINE);
        Assertions.assertThat(log).containsExactly("enrol person 7", "unenrol person 7");
        Assertions.assertThat(pi.getBusinessKey()).isEqualTo("person-7");
    }

    @Test
    void aLinkedCourseEnrolsTheSegmentChunkByChunkOneJobEach() {
        Mocks.register("enrolMembers", chunks("enrol", 3, ENROLLED.name()));
        ProcessInstance pi = start(MESSAGE_COURSE_LINKED, linkKey(3, 9), 3, 9);

        assertThat(pi).hasPassed(START_COURSE_LINKED);
        for (int chunk = 0; chunk < 3; chunk++) {
            assertThat(pi).isWaitingAt(SERVICE_ENROL_MEMBERS);
            Assertions.assertThat(log).hasSize(chunk);
            execute(job(SERVICE_ENROL_MEMBERS, pi));
        }
        assertThat(pi).isEnded().hasPassed(END_MEMBERS_ENROLLED).hasNotPassed(END_LINK_UNDONE);
        Assertions.assertThat(log).containsExactly("enrol after 0", "enrol after 1000", "enrol after 2000");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(ENROLLED.name()).singleResult().getValue()).isEqualTo(2010);
        Assertions.assertThat(pi.getBusinessKey()).isEqualTo("segment-3-course-9");
    }

    @Test
    void aLinkToAnEmptySegmentEndsAfterOneChunk() {
        Mocks.register("enrolMembers", (JavaDelegate) (DelegateExecution e) -> MORE.set(e, false));
        ProcessInstance pi = start(MESSAGE_COURSE_LINKED, linkKey(4, 9), 4, 9);

        execute(job(SERVICE_ENROL_MEMBERS, pi));
        assertThat(pi).isEnded().hasPassed(END_MEMBERS_ENROLLED);
    }

    @Test
    void anUnlinkedCourseUnenrolsWhomTheLinkEnrolledChunkByChunk() {
        Mocks.register("unenrolUnlinked", chunks("unenrol", 2, UNENROLLED.name()));
        ProcessInstance pi = start(MESSAGE_COURSE_UNLINKED, linkKey(3, 9), 3, 9);

        assertThat(pi).hasPassed(START_COURSE_UNLINKED).isWaitingAt(SERVICE_UNENROL_UNLINKED);
        execute(job(SERVICE_UNENROL_UNLINKED, pi));
        assertThat(pi).isWaitingAt(SERVICE_UNENROL_UNLINKED);
        execute(job(SERVICE_UNENROL_UNLINKED, pi));
        assertThat(pi).isEnded().hasPassed(END_LINK_UNDONE).hasNotPassed(END_MEMBERS_ENROLLED);
        Assertions.assertThat(log).containsExactly("unenrol after 0", "unenrol after 1000");
    }

    @Test
    void aChangedRuleAlignsWhoJoinedAndLeftChunkByChunkCountingBoth() {
        Mocks.register("alignPeople", (JavaDelegate) e -> {
            long after = AFTER_PERSON_ID.get(e);
            log.add("align after " + after);
            AFTER_PERSON_ID.set(e, after + 1000);
            ENROLLED.set(e, ENROLLED.get(e) + 700);
            UNENROLLED.set(e, UNENROLLED.get(e) + 300);
            MORE.set(e, after == 0);
        });
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(MESSAGE_SEGMENT_RULE_CHANGED,
                segmentKey(3), Variables.createVariables().putValue(SEGMENT_ID.name(), 3L).putValue(ACTOR.name(), "admin")
                        .putValue(AFTER_PERSON_ID.name(), 0L).putValue(ENROLLED.name(), 0).putValue(UNENROLLED.name(), 0));

        assertThat(pi).hasPassed(START_SEGMENT_RULE_CHANGED).isWaitingAt(SERVICE_ALIGN_PEOPLE);
        Assertions.assertThat(log).isEmpty();
        execute(job(SERVICE_ALIGN_PEOPLE, pi));
        assertThat(pi).isWaitingAt(SERVICE_ALIGN_PEOPLE);
        execute(job(SERVICE_ALIGN_PEOPLE, pi));
        assertThat(pi).isEnded().hasPassed(END_SEGMENT_IN_LINE).hasNotPassed(END_MEMBERS_ENROLLED, END_LINK_UNDONE);
        Assertions.assertThat(log).containsExactly("align after 0", "align after 1000");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(UNENROLLED.name()).singleResult().getValue()).isEqualTo(600);
        Assertions.assertThat(pi.getBusinessKey()).isEqualTo("segment-3");
    }
}
