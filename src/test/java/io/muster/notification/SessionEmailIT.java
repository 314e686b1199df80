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
    void theAttendanceReminderLinksToTheRegistrationPageWhoseConfirmAndDeclineAct() throws Exception {
        long session = fixtures.session(5, true, false);
        String coming = fixtures.learner();
        String notComing = fixtures.learner();
        long comingId = fixtures.book(coming, session).body().get("id").asLong();
        long notComingId = fixtures.book(notComing, session).body().get("id").asLong();
        Mailbox.awaitSubjects(coming + "@example.org", 1);
        Mailbox.awaitSubjects(notComing + "@example.org", 1);
        assertThat(email(session, Map.of("type", "ATTENDANCE_REMINDER", "usernames", List.of(coming, notComing),
                "text", "See you")).status()).isEqualTo(200);

        Mailbox.awaitSubjects(coming + "@example.org", 2);
        assertThat(Mailbox.linkPaths(Mailbox.to(coming + "@example.org").get(1)))
                .containsExactly("/registrations/" + comingId);
        Mailbox.awaitSubjects(notComing + "@example.org", 2);
        assertThat(Mailbox.linkPaths(Mailbox.to(notComing + "@example.org").get(1)))
                .containsExactly("/registrations/" + notComingId);

        // what the page's buttons do: confirm goes into the history, decline cancels; only for the learner's own
        assertThat(fixtures.act(notComing, comingId, "confirm").status()).isEqualTo(404);
        Api.Response confirmed = fixtures.act(coming, comingId, "confirm");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().get("status").asText()).isEqualTo("REGISTERED");
        var last = confirmed.body().get("history").get(confirmed.body().get("history").size() - 1);
        assertThat(last.get("why").asText()).isEqualTo("Attendance confirmed");
        assertThat(last.get("by").asText()).isEqualTo(coming);

        assertThat(fixtures.act(notComing, notComingId, "cancel").body().get("status").asText()).isEqualTo("CANCELLED");
        // only a registered learner confirms
        assertThat(fixtures.act(notComing, notComingId, "confirm").status()).isEqualTo(409);
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
