package io.muster.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.CalendarParts;
import io.muster.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.component.VEvent;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages' core actions as a browser without script does them (forms post, pages redirect),
 * their security headers, and that no input makes a page answer 5xx, JSON or a Whitelabel page.
 */
@IntegrationTest
class PagesWithoutScriptIT {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Api api;

    private PageClient client() {
        return new PageClient("http://localhost:" + port);
    }

    @Test
    void aPageNeedsSignInAndReturnsThereAfterwards() {
        PageClient client = client();
        HttpResponse<String> page = client.get("/me/registrations");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        String learner = fixtures.learner();
        HttpResponse<String> signedIn = client.post("/login", "/login",
                Map.of("username", learner, "password", Api.passwordOf(learner)));
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/me/registrations"));
    }

    @Test
    void theSignInFormAndEveryPageCarryAStrictPolicyAndTheSessionCookieIsHttpOnlyAndLax() {
        PageClient client = client();
        HttpResponse<String> login = client.get("/login");
        assertThat(login.body()).contains("<label for=\"username\">Username</label>")
                .contains("<label for=\"password\">Password</label>").contains(">Sign in</button>");
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
                .contains("HttpOnly").contains("SameSite=Lax"));
        String learner = fixtures.learner();
        client.signIn(learner, Api.passwordOf(learner));
        HttpResponse<String> sessions = client.get("/sessions");
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(sessions.headers().firstValue("Content-Security-Policy")).contains(policy);
        assertThat(sessions.body()).doesNotContain("<script>").doesNotContain(" onclick=").contains("Sign out");
    }

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecure() {
        HttpResponse<String> login = client().get("/login", "X-Forwarded-Proto", "https");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
                .contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aLearnerBooksAddsItToTheirCalendarAndCancelsWithAReasonThroughPlainForms() throws Exception {
        long session = fixtures.session(fixtures.course("SELF"), 3, false);
        String learner = fixtures.learner();
        PageClient client = client().signIn(learner, Api.passwordOf(learner));

        HttpResponse<String> booked = client.post("/sessions/" + session, "/sessions/" + session + "/registrations",
                Map.of());
        assertThat(booked.statusCode()).isEqualTo(302);
        assertThat(booked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sessions/" + session));
        HttpResponse<String> page = client.get("/sessions/" + session);
        assertThat(page.body()).contains("You are registered").contains(">Cancel registration</button>");
        long registration = fixtures.calendar(learner).stream().filter(s -> s.get("id").asLong() == session)
                .findFirst().orElseThrow().get("myRegistrationId").asLong();

        HttpResponse<String> ics = client.get("/registrations/" + registration + "/calendar.ics");
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        VEvent entry = CalendarParts.eventOf(CalendarParts.calendarOf(ics.body(), "PUBLISH"));
        MimeMessage confirmation = await().atMost(Duration.ofSeconds(30)).until(
                () -> Mailbox.to(learner + "@example.org"), mails -> !mails.isEmpty()).get(0);
        assertThat(CalendarParts.value(entry, "UID")).isEqualTo(CalendarParts.value(
                CalendarParts.eventOf(CalendarParts.calendarOf(confirmation, "REQUEST")), "UID"));

        HttpResponse<String> confirm = client.get("/registrations/" + registration + "/cancel");
        assertThat(confirm.body()).contains("<label for=\"reason\">Reason</label>");
        HttpResponse<String> cancelled = client.post("/registrations/" + registration + "/cancel",
                "/registrations/" + registration + "/cancel", Map.of("reason", "Ill"));
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(fixtures.registration(learner, registration).body().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        long session = fixtures.session(fixtures.course("SELF"), 3, false);
        String learner = fixtures.learner();
        PageClient client = client().signIn(learner, Api.passwordOf(learner));
        HttpResponse<String> forged = client.postRaw("/sessions/" + session + "/registrations", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(fixtures.calendar(learner).stream().filter(s -> s.get("id").asLong() == session)
                .map(s -> s.path("myStatus").asText(""))).containsExactly("");
    }

    @Test
    void noInputMakesAPageAnswerServerErrorsJsonOrAWhitelabelPage() {
        String learner = fixtures.learner();
        PageClient client = client().signIn(learner, Api.passwordOf(learner));
        List<String> paths = List.of("/sessions?from=yesterday&to=2026-13-45&course=abc&offset=-5",
                "/sessions?view=month&month=2026-99", "/sessions?offset=99999999999", "/sessions/abc",
                "/sessions/-1", "/sessions/99999999999999999999", "/registrations/0", "/registrations/x/cancel",
                "/me/nothing", "/sessions/%2e%2e/admin", "/sessions?type=%00", "/registrations/1/calendar.ics");
        for (String path : paths) {
            HttpResponse<String> page = client.get(path);
            assertThat(page.statusCode()).as(path).isBetween(200, 499);
            assertThat(page.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).as(path).doesNotContain("Whitelabel").contains("<h1");
        }
        for (String action : List.of("/sessions/abc/registrations", "/registrations/-4/accept",
                "/registrations/99999999/cancel")) {
            HttpResponse<String> answer = client.post("/sessions", action, Map.of("reason", "x".repeat(5000)));
            assertThat(answer.statusCode()).as(action).isBetween(400, 499);
            assertThat(answer.body()).as(action).doesNotContain("Whitelabel").contains("<h1");
        }
    }
}
