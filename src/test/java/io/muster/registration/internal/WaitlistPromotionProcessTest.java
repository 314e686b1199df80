package io.muster.registration.internal;

import static io.muster.registration.internal.WaitlistPromotionProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of bpmn/waitlist-promotion.bpmn: the held seat moves down the queue until taken or released. */
@Deployment(resources = "bpmn/waitlist-promotion.bpmn")
class WaitlistPromotionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine processEngine;

    /** The waiting list, head first, as the roster would hand it out. */
    final Deque<Long> queue = new ArrayDeque<>();
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("offerSeat", (JavaDelegate) e -> {
            Long head = queue.poll();
            OFFER_MADE.set(e, head != null);
            if (head != null) {
                REGISTRATION_ID.set(e, head);
                OFFER_EXPIRES_AT.set(e, new Date(System.currentTimeMillis() + 3_600_000));
                log.add("offer " + head);
            } else {
                log.add("release");
            }
        });
        Mocks.register("registrationMail", (JavaDelegate) e -> log.add("mail " + REGISTRATION_ID.get(e)));
        Mocks.register("confirmOffer", (JavaDelegate) e -> log.add("confirm " + REGISTRATION_ID.get(e)));
        Mocks.register("closeOffer", (JavaDelegate) e -> log.add(CLOSE_REASON.get(e) + " "
                + REGISTRATION_ID.get(e) + " by " + ACTOR.get(e)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** Runs the pending asynchronous mail jobs, as the job executor would after the commit. */
    private void runMails(ProcessInstance pi) {
        managementService().createJobQuery().processInstanceId(pi.getId()).messages().list()
                .forEach(job -> execute(job));
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, "session-7",
                Variables.createVariables().putValue(SESSION_ID.name(), 7L).putValue(ACTOR.name(), "admin"));
    }

    private void answer(String message, long registrationId) {
        runtimeService().createMessageCorrelation(message)
                .processInstanceVariableEquals(REGISTRATION_ID.name(), registrationId)
                .setVariable(ACTOR.name(), "learner" + registrationId).correlate();
    }

    @Test
    void withNobodyWaitingTheSeatGoesBackToThePool() {
        ProcessInstance pi = start();
        assertThat(pi).isEnded().hasPassed(END_SEAT_RELEASED);
        Assertions.assertThat(log).containsExactly("release");
    }

    @Test
    void theHeadOfTheQueueIsOfferedTheSeatAndTakesIt() {
        queue.addAll(List.of(1L, 2L));
        ProcessInstance pi = start();
        assertThat(pi).as("the offer can be answered before its mail is out").isWaitingAt(EVENT_OFFER_ANSWER);
        runMails(pi);
        answer(MESSAGE_OFFER_ACCEPTED, 1L);
        assertThat(pi).isEnded().hasPassed(END_SEAT_FILLED);
        Assertions.assertThat(log).containsExactly("offer 1", "mail 1", "confirm 1");
    }

    @Test
    void aDeclinedOfferGoesToTheNextInLine() {
        queue.addAll(List.of(1L, 2L));
        ProcessInstance pi = start();
        runMails(pi);
        answer(MESSAGE_OFFER_DECLINED, 1L);
        runMails(pi);
        answer(MESSAGE_OFFER_ACCEPTED, 2L);
        assertThat(pi).isEnded();
        Assertions.assertThat(log).containsExactly("offer 1", "mail 1", "Seat offer declined 1 by learner1", "offer 2", "mail 2",
                "confirm 2");
    }

    @Test
    void anExpiredOfferGoesToTheNextInLineAndTheLastReleasesTheSeat() {
        queue.add(1L);
        ProcessInstance pi = start();
        runMails(pi);
        execute(job(TIMER_OFFER_EXPIRES, pi));
        assertThat(pi).isEnded().hasPassed(END_SEAT_RELEASED);
        Assertions.assertThat(log).containsExactly("offer 1", "mail 1", "Seat offer expired 1 by system", "release");
    }

    @Test
    void anAnswerForSomeoneElseDoesNotTouchTheOffer() {
        queue.addAll(List.of(1L, 2L));
        ProcessInstance pi = start();
        runMails(pi);
        Assertions.assertThat(runtimeService().createMessageCorrelation(MESSAGE_OFFER_ACCEPTED)
                .processInstanceVariableEquals(REGISTRATION_ID.name(), 2L).correlateAllWithResult()).isEmpty();
        assertThat(pi).isWaitingAt(EVENT_OFFER_ANSWER);
    }
}
