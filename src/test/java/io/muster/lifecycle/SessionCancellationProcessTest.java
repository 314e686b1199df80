package io.muster.lifecycle;

import static io.muster.lifecycle.SessionCancellationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
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

/** bpmn/session-cancellation.bpmn: the session and its registrations end at once, the trainer hears after the commit. */
@Deployment(resources = "bpmn/session-cancellation.bpmn")
class SessionCancellationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine processEngine;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("cancelSession", (JavaDelegate) e -> log.add("cancel " + REASON.get(e)));
        Mocks.register("endRegistrations", (JavaDelegate) e -> log.add("end registrations"));
        Mocks.register("sessionMail", (JavaDelegate) e -> log.add("mail " + MAIL_TYPE.get(e)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theSessionAndItsRegistrationsEndInTheRequestAndTheTrainerIsToldAfterwards() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY, "7", Variables.createVariables()
                .putValue(SESSION_ID.name(), 7L).putValue(REASON.name(), "Trainer ill").putValue(ACTOR.name(), "admin"));
        assertThat(pi).isWaitingAt(SERVICE_NOTIFY_TRAINER);
        Assertions.assertThat(log).containsExactly("cancel Trainer ill", "end registrations");
        execute(job(SERVICE_NOTIFY_TRAINER, pi));
        assertThat(pi).isEnded().hasPassed(END_SESSION_CANCELLED);
        Assertions.assertThat(log).endsWith("mail TRAINER_SESSION_CANCELLED");
    }
}
