package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Seed 004's email types: each goes only to learners in the statuses it is meant for. */
@IntegrationTest
class SessionEmailIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestRestTemplate rest;

    private Api.Response email(long session, Map<String, Object> body) {
        return api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/emails", body);
    }

    @Test
    void eachTypeGoesOnlyToLearnersWhoMeetItsCondition() {
        long session = fixtures.session(1, true, false);
        String registered = fixtures.learner();
        String waiting = fixtures.learner();
        fixtures.book(registered, session);
        fixtures.book(waiting, session);
        Mailbox.awaitSubjects(registered + "@example.org", 1);
        Mailbox.awaitSubjects(waiting + "@example.org", 1);

        Api.Response refused = email(session, Map.of("type", "ATTENDANCE_REMINDER",
                "usernames", List.of(registered, waiting), "text", "Bring a pen"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains(waiting).doesNotContain(registered + " (");
        assertThat(Mailbox.subjectsTo(registered + "@example.org")).hasSize(1);

        Api.Response reminded = email(session, Map.of("type", "ATTENDANCE_REMINDER", "usernames", List.of(registered),
                "text", "Bring a pen"));
        assertThat(reminded.status()).isEqualTo(200);
        assertThat(Mailbox.awaitSubjects(registered + "@example.org", 2)).anyMatch(s -> s.startsWith("See you at"));

        assertThat(email(session, Map.of("type", "FOLLOW_UP", "usernames", List.of(registered), "text", "Thanks"))
                .status()).isEqualTo(409);
        assertThat(email(session, Map.of("type", "CUSTOM", "usernames", List.of(registered, waiting),
                "text", "Room changed to 4")).status()).isEqualTo(200);
        assertThat(Mailbox.awaitSubjects(waiting + "@example.org", 2)).anyMatch(s -> s.startsWith("About"));
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeySendsNothingTwice() {
        long session = fixtures.session(3, false, false);
        String learner = fixtures.learner();
        fixtures.book(learner, session);
        Mailbox.awaitSubjects(learner + "@example.org", 1);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD);
        headers.add("Idempotency-Key", Api.unique("key"));
        Map<String, Object> body = Map.of("type", "CUSTOM", "usernames", List.of(learner), "text", "Hello");
        for (int i = 0; i < 2; i++) {
            assertThat(rest.exchange("/api/sessions/" + session + "/emails", HttpMethod.POST,
                    new HttpEntity<>(body, headers), String.class).getStatusCode().value()).isEqualTo(200);
        }
        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 2)).hasSize(2);
    }

    @Test
    void learnersSendNothingAndUnknownTypesOrPeopleAreRefused() {
        long session = fixtures.session(3, false, false);
        String learner = fixtures.learner();
        assertThat(api.post(learner, Api.passwordOf(learner), "/api/sessions/" + session + "/emails",
                Map.of("type", "CUSTOM", "usernames", List.of(learner), "text", "x")).status()).isEqualTo(403);
        assertThat(email(session, Map.of("type", "SPAM", "usernames", List.of(learner))).status()).isEqualTo(400);
        Api.Response unknown = email(session, Map.of("type", "CUSTOM", "usernames", List.of("nobody-here")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("usernames[0]");
    }
}
