package io.muster.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@IntegrationTest
class SessionCancellationIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    private Api.Response cancel(long session, Object body) {
        return api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/cancel", body);
    }

    @Test
    void cancellingEndsEveryRegistrationWithTheReasonAndTellsLearnersAndTrainer() throws Exception {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionTrainedBy(trainer, 1, true, false);
        String seated = fixtures.learner();
        String waiting = fixtures.learner();
        long seat = fixtures.book(seated, session).body().get("id").asLong();
        long queued = fixtures.book(waiting, session).body().get("id").asLong();
        Mailbox.awaitSubjects(seated + "@example.org", 1);

        Api.Response cancelled = cancel(session, Map.of("reason", "Trainer is ill"));

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
        for (var registration : Map.of(seated, seat, waiting, queued).entrySet()) {
            JsonNode r = fixtures.registration(registration.getKey(), registration.getValue()).body();
            assertThat(r.get("status").asText()).isEqualTo("CANCELLED");
            JsonNode last = r.get("history").get(r.get("history").size() - 1);
            assertThat(last.get("why").asText()).isEqualTo("Session cancelled: Trainer is ill");
            await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(Long.toString(registration.getValue())).processDefinitionKey("registration")
                    .count() == 0);
        }
        assertThat(Mailbox.awaitSubjects(seated + "@example.org", 2)).anyMatch(s -> s.startsWith("Cancelled"));
        assertThat(Mailbox.to(seated + "@example.org").get(1).getContent().toString()).isNotEmpty();
        assertThat(Mailbox.awaitSubjects(waiting + "@example.org", 2)).anyMatch(s -> s.startsWith("Cancelled"));
        assertThat(Mailbox.awaitSubjects(trainer + "@example.org", 1)).anyMatch(s -> s.startsWith("Cancelled"));

        Api.Response again = cancel(session, Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(409);
    }

    @Test
    void cancellingWithdrawsOpenApprovalTasks() {
        long session = fixtures.session(3, false, true);
        String learner = fixtures.learner();
        long id = fixtures.book(learner, session).body().get("id").asLong();
        assertThat(taskService.createTaskQuery().processDefinitionKey("registration").processInstanceBusinessKey(Long.toString(id)).count()).isOne();

        assertThat(cancel(session, Map.of("reason", "Room flooded")).status()).isEqualTo(200);

        assertThat(taskService.createTaskQuery().processDefinitionKey("registration").processInstanceBusinessKey(Long.toString(id)).count()).isZero();
        assertThat(fixtures.registration(learner, id).body().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 1)).anyMatch(s -> s.startsWith("Cancelled"));
    }

    @Test
    void aReasonIsRequiredAndOnlyAdminsCancel() {
        long session = fixtures.session(3, false, false);
        Api.Response noReason = cancel(session, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("\"field\":\"reason\"");
        String learner = fixtures.learner();
        assertThat(api.post(learner, Api.passwordOf(learner), "/api/sessions/" + session + "/cancel",
                Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(cancel(987654321L, Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body().get("status").asText())
                .isEqualTo("SCHEDULED");
    }
}
