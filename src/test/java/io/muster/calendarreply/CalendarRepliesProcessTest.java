package io.muster.calendarreply;

import static io.muster.calendarreply.CalendarRepliesProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of bpmn/calendar-replies.bpmn on an in-memory engine, the inbox and the roster mocked. */
@Deployment(resources = "bpmn/calendar-replies.bpmn")
class CalendarRepliesProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("process-test.camunda.cfg.xml").build();

    ProcessEngine processEngine;

    /** The inbox: Message-ID to what reading it finds (null: not a readable REPLY). */
    final Map<String, Boolean> inbox = new java.util.LinkedHashMap<>();
    final List<String> log = new ArrayList<>();

    /** Stands in for the ReplyPolling bean the timer reads when the model is deployed. */
    public static class Polling {
        public String getCycle() {
            return "R/PT1M";
        }
    }

    @BeforeEach
    void mocks() {
        Mocks.register("calendarReplyPolling", new Polling());
        Mocks.register("pollCalendarReplies", (JavaDelegate) e -> {
            REPLY_IDS.set(e, String.join("\n", inbox.keySet()));
            REPLY_COUNT.set(e, inbox.size());
        });
        Mocks.register("readCalendarReply", (JavaDelegate) e -> {
            String id = new ArrayList<>(inbox.keySet()).get(LOOP_COUNTER.get(e));
            MESSAGE_ID.set(e, id);
            READABLE.set(e, inbox.get(id) != null);
            ACCEPTED.set(e, Boolean.TRUE.equals(inbox.get(id)));
            log.add("read " + id);
        });
        Mocks.register("answerCalendarReply", (JavaDelegate) e -> {
            boolean answered = ACCEPTED.get(e);
            ANSWERED.set(e, answered);
            log.add("answer " + MESSAGE_ID.get(e));
        });
        Mocks.register("removeCalendarReply", (JavaDelegate) e -> log.add("remove " + MESSAGE_ID.get(e)));
        Mocks.register("setCalendarReplyAside", (JavaDelegate) e -> log.add("aside " + MESSAGE_ID.get(e)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    /** The timer fires (the job executor would, once a minute); returns the poll it started. */
    private ProcessInstance poll() {
        Job timer = managementService().createJobQuery().activityId(TIMER_POLL).singleResult();
        execute(timer);
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list().stream()
                .findFirst().orElse(null);
    }

    /** Runs the poll's jobs one after the other, as the job executor would: each mail in a job of its own. */
    private void runJobs(ProcessInstance pi) {
        List<Job> jobs;
        while (!(jobs = managementService().createJobQuery().processInstanceId(pi.getId()).list()).isEmpty()) {
            execute(jobs.get(0));
        }
    }

    @Test
    void anEmptyInboxEndsThePollAndTheTimerStaysForTheNext() {
        Assertions.assertThat(poll()).isNull();
        Assertions.assertThat(log).isEmpty();
        Assertions.assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .singleResult().getEndActivityId()).isEqualTo(END_POLLED);
        Assertions.assertThat(managementService().createJobQuery().activityId(TIMER_POLL).count()).isOne();
    }

    @Test
    void eachMailIsHandledInAJobOfItsOwnAnsweredOnesRemovedOthersSetAside() {
        inbox.put("<accept@client>", true);
        inbox.put("<junk@spam>", null);
        inbox.put("<refused@client>", false);
        ProcessInstance pi = poll();
        assertThat(pi).isWaitingAt(SUBPROCESS_EACH_REPLY);
        Assertions.assertThat(log).isEmpty();

        execute(managementService().createJobQuery().processInstanceId(pi.getId()).singleResult());
        assertThat(pi).isWaitingAt(SERVICE_REMOVE_REPLY);
        Assertions.assertThat(log).containsExactly("read <accept@client>", "answer <accept@client>");

        runJobs(pi);
        assertThat(pi).isEnded().hasPassed(END_REPLY_ANSWERED, END_REPLY_SET_ASIDE, END_POLLED);
        Assertions.assertThat(log).containsExactly("read <accept@client>", "answer <accept@client>",
                "remove <accept@client>", "read <junk@spam>", "aside <junk@spam>", "read <refused@client>",
                "answer <refused@client>", "aside <refused@client>");
    }
}
