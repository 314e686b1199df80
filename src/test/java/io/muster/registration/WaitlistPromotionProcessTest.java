package io.muster.registration;

import static io.muster.registration.WaitlistPromotionProcess.*;
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
import org.junit.jupiter.api.extension.ExtendWith;

/** Every path of bpmn/waitlist-promotion.bpmn: the held seat moves down the queue until taken or released. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/waitlist-promotion.bpmn")
class WaitlistPromotionProcessTest {

    ProcessEngine processEngine;

    /** The waiting list, head first, as the roster would hand it out. */
    final Deque<Long> queue = new ArrayDeque<>();
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void mocks() {
        init(processEngine);
        Mocks.register("offerSeat", (JavaDelegate) e -> {
            Long head = queue.poll();
            e.setVariable(VAR_OFFER_MADE, head != null);
            if (head != null) {
                e.setVariable(VAR_REGISTRATION_ID, head);
                e.setVariable(VAR_OFFER_EXPIRES_AT, new Date(System.currentTimeMillis() + 3_600_000));
                log.add("offer " + head);
            } else {
                log.add("release");
            }
        });
        Mocks.register("registrationMail", (JavaDelegate) e -> log.add("mail " + e.getVariable(VAR_REGISTRATION_ID)));
        Mocks.register("confirmOffer", (JavaDelegate) e -> log.add("confirm " + e.getVariable(VAR_REGISTRATION_ID)));
        Mocks.register("closeOffer", (JavaDelegate) e -> log.add(e.getVariable(VAR_CLOSE_REASON) + " "
                + e.getVariable(VAR_REGISTRATION_ID) + " by " + e.getVariable(VAR_ACTOR)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, "session-7",
                Variables.createVariables().putValue(VAR_SESSION_ID, 7L).putValue(VAR_ACTOR, "admin"));
    }

    private void answer(String message, long registrationId) {
        runtimeService().createMessageCorrelation(message)
                .processInstanceVariableEquals(VAR_REGISTRATION_ID, registrationId)
                .setVariable(VAR_ACTOR, "learner" + registrationId).correlate();
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
        execute(job(pi));
        assertThat(pi).isWaitingAt(EVENT_OFFER_ANSWER);
        answer(MESSAGE_OFFER_ACCEPTED, 1L);
        assertThat(pi).isEnded().hasPassed(END_SEAT_FILLED);
        Assertions.assertThat(log).containsExactly("offer 1", "mail 1", "confirm 1");
    }

    @Test
    void aDeclinedOfferGoesToTheNextInLine() {
        queue.addAll(List.of(1L, 2L));
        ProcessInstance pi = start();
        execute(job(pi));
        answer(MESSAGE_OFFER_DECLINED, 1L);
        execute(job(pi));
        answer(MESSAGE_OFFER_ACCEPTED, 2L);
        assertThat(pi).isEnded();
        Assertions.assertThat(log).containsExactly("offer 1", "mail 1", "Seat offer declined 1 by learner1", "offer 2", "mail 2",
                "confirm 2");
    }

    @Test
    void anExpiredOfferGoesToTheNextInLineAndTheLastReleasesTheSeat() {
        queue.add(1L);
        ProcessInstance pi = start();
        execute(job(pi));
        execute(job(TIMER_OFFER_EXPIRES, pi));
        assertThat(pi).isEnded().hasPassed(END_SEAT_RELEASED);
        Assertions.assertThat(log).containsExactly("offer 1", "mail 1", "Seat offer expired 1 by system", "release");
    }

    @Test
    void anAnswerForSomeoneElseDoesNotTouchTheOffer() {
        queue.addAll(List.of(1L, 2L));
        ProcessInstance pi = start();
        execute(job(pi));
        Assertions.assertThat(runtimeService().createMessageCorrelation(MESSAGE_OFFER_ACCEPTED)
                .processInstanceVariableEquals(VAR_REGISTRATION_ID, 2L).correlateAllWithResult()).isEmpty();
        assertThat(pi).isWaitingAt(EVENT_OFFER_ANSWER);
    }
}
