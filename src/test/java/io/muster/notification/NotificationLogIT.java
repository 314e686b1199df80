package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@IntegrationTest
class NotificationLogIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Notifications notifications;

    @Test
    void everyMailIsRecordedOnceAndAdminsReadTheLogBySessionAndPerson() throws Exception {
        long session = fixtures.session(3, false, false);
        String learner = fixtures.learner();
        long registration = fixtures.book(learner, session).body().get("id").asLong();
        Mailbox.awaitSubjects(learner + "@example.org", 1);
        // the mail leaves before its job commits the record: wait for the record
        String logPath = "/api/notifications?sessionId=" + session + "&username=" + learner;
        await().atMost(Duration.ofSeconds(30)).until(() -> api.asAdmin(HttpMethod.GET, logPath, null).body().size() == 1);

        // a job retried after its mail was recorded sends nothing twice
        notifications.send(MailType.REGISTERED, registration, null, null);
        assertThat(Mailbox.subjectsTo(learner + "@example.org")).hasSize(1);

        JsonNode log = api.asAdmin(HttpMethod.GET, "/api/notifications?sessionId=" + session + "&username=" + learner,
                null).body();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("type").asText()).isEqualTo("REGISTERED");
        assertThat(log.get(0).get("registrationId").asLong()).isEqualTo(registration);
        assertThat(log.get(0).get("recipient").asText()).isEqualTo(learner + "@example.org");
        assertThat(log.get(0).get("messageId").asText()).isNotBlank();
        assertThat(Mailbox.to(learner + "@example.org").get(0).getMessageID())
                .isEqualTo(log.get(0).get("messageId").asText());

        assertThat(api.get(learner, Api.passwordOf(learner), "/api/notifications").status()).isEqualTo(403);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/notifications?limit=0", null).status()).isEqualTo(400);
        List<String> none = api.asAdmin(HttpMethod.GET, "/api/notifications?sessionId=987654321", null).body()
                .findValuesAsText("id");
        assertThat(none).isEmpty();
    }
}
