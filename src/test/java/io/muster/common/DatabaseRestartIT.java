package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.muster.support.Api;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL restarted under Muster: while it is down, requests are answered 503 problem+json (an
 * HTML page for pages) with Retry-After (never 500) and change nothing; once it is back, the same
 * node serves again, with no restart of its own, and the engine's jobs run again.
 */
@IntegrationTest
class DatabaseRestartIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void whileTheDatabaseRestartsRequestsAre503WithRetryAfterAndAfterItEverythingWorksAgain() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        String late = fixtures.learner();
        // both signed in once, so the outage does not meet the password check first
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/me/sessions").status()).isEqualTo(200);
        assertThat(api.get(late, Api.passwordOf(late), "/api/me/sessions").status()).isEqualTo(200);
        List<Api.Response> duringOutage = new ArrayList<>();
        io.muster.support.PageClient browser = new io.muster.support.PageClient("http://localhost:" + port)
                .signIn(learner, Api.passwordOf(learner));
        List<java.net.http.HttpResponse<String>> pagesDuringOutage = new ArrayList<>();

        EmbeddedServices.restartPostgres(() -> {
            duringOutage.add(api.post(late, Api.passwordOf(late), "/api/sessions/" + session + "/registrations", null));
            duringOutage.add(api.get(learner, Api.passwordOf(learner), "/api/me/sessions"));
            pagesDuringOutage.add(browser.get("/sessions"));
        });

        assertThat(duringOutage).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.headers().getFirst("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.body().get("detail").asText()).contains("try again");
        });
        // a page answers the same as an HTML page a person can read
        assertThat(pagesDuringOutage).allSatisfy(page -> {
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.body()).contains("try again").doesNotContain("Whitelabel");
        });
        // the node reconnects by itself: the pool's next connection, the engine's next job
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get(learner, Api.passwordOf(learner), "/api/me/sessions").status() == 200);
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ?", Long.class, session))
                .as("the booking answered 503 left nothing behind").isZero();
        Api.Response booked = fixtures.book(learner, session);
        assertThat(booked.status()).isEqualTo(201);
        assertThat(io.muster.support.Mailbox.awaitSubjects(learner + "@example.org", 1))
                .as("the confirmation mail's job ran after the restart").isNotEmpty();
    }
}
