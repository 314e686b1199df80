package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpMethod;

/** Learners find, book, queue, cancel and answer offers in a real browser, on the real stack. */
class LearnerJourneyIT extends BrowserJourney {

    @Test
    void aLearnerFiltersBooksAnotherQueuesTheFirstCancelsAndTheSecondAcceptsTheOffer() throws Exception {
        long course = fixtures.course("SELF");
        String courseTitle = api.asAdmin(HttpMethod.GET, "/api/courses/" + course, null).body().get("title").asText();
        long session = fixtures.session(course, 1, true);
        String first = fixtures.learner();
        String second = fixtures.learner();

        signIn(first);
        assertThat(browser.path()).isEqualTo("/sessions");
        assertThat(browser.heading()).isEqualTo("Sessions");
        new Select(browser.field("Course")).selectByVisibleText(courseTitle);
        // with script on, the choice alone updates the list in place (without, "Apply filters" submits)
        browser.waitUntil(b -> b.path().contains("course=" + course)
                && b.driver().findElement(By.cssSelector(".count")).getText().equals("1 session")).checked();
        List<String> shown = browser.driver().findElements(By.cssSelector(".session-card h3")).stream()
                .map(e -> e.getText()).toList();
        assertThat(shown).hasSize(1);
        assertThat(browser.text()).contains("1 seat left");
        browser.click(shown.get(0));
        assertThat(browser.path()).isEqualTo("/sessions/" + session);
        browser.click("Book");
        assertThat(browser.driver().findElement(By.cssSelector("[role=status]")).getText()).contains("You are registered");
        assertThat(browser.text()).contains("Registered");

        browser.signOut();
        signIn(second);
        browser.visit("/sessions/" + session);
        assertThat(browser.text()).contains("Session Full");
        assertThat(browser.buttons("Book")).isEmpty();
        browser.click("Join waiting list");
        assertThat(browser.text()).contains("On the waiting list").contains("Number 1 in line");

        browser.signOut();
        signIn(first);
        browser.visit("/me/registrations");
        browser.click(browser.driver().findElement(By.cssSelector("#upcoming ~ table a")).getText());
        browser.click("Cancel registration");
        assertThat(browser.heading()).isEqualTo("Cancel registration");
        browser.field("Reason").sendKeys("A customer visit moved to that day");
        browser.click("Cancel registration");
        assertThat(browser.text()).contains("Your registration is cancelled").contains("A customer visit moved to that day");

        long offered = await().atMost(Duration.ofSeconds(30)).until(() -> offerOf(second, session), id -> id > 0);
        browser.signOut();
        signIn(second);
        browser.visit("/me/registrations");
        assertThat(browser.text()).contains("Waiting for your answer").contains("Offer open until");
        browser.click("Accept");
        assertThat(browser.path()).isEqualTo("/me/registrations");
        assertThat(fixtures.registration(second, offered).body().get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void aFullSessionWithoutAWaitingListShowsSessionFullAndNoBookingButton() {
        long session = fixtures.session(fixtures.course("SELF"), 1, false);
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(201);
        signIn(fixtures.learner());
        browser.visit("/sessions/" + session);
        assertThat(browser.text()).contains("Session Full");
        assertThat(browser.buttons("Book")).isEmpty();
        assertThat(browser.buttons("Join waiting list")).isEmpty();
    }

    @Test
    void aRefusedBookingShowsTheReasonOnThePageAndChangesNothing() {
        long course = fixtures.course(false);
        long one = fixtures.session(course, 5, false);
        long other = fixtures.session(course, 5, false);
        String learner = fixtures.learner();
        assertThat(fixtures.book(learner, one).status()).isEqualTo(201);
        signIn(learner);
        browser.visit("/sessions/" + other);
        browser.click("Book");
        assertThat(browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
                .contains("already registered in session " + one);
        assertThat(fixtures.calendar(learner).stream().filter(s -> s.get("id").asLong() == other)
                .map(s -> s.path("myStatus").asText("")).findFirst()).contains("");
    }

    @Test
    void aMailLinkOpenedSignedOutEndsOnItsPageAfterSignIn() throws Exception {
        long session = fixtures.session(fixtures.course("SELF"), 5, false);
        String learner = fixtures.learner();
        long registration = fixtures.book(learner, session).body().get("id").asLong();
        String link = await().atMost(Duration.ofSeconds(30))
                .until(() -> linkIn(learner + "@example.org", "/registrations/" + registration), l -> l != null);

        browser.driver().get(link.replaceFirst("^https?://[^/]+", "http://localhost:" + port));
        assertThat(browser.path()).startsWith("/login");
        browser.checked().submitSignIn(learner, Api.passwordOf(learner));
        assertThat(browser.path()).startsWith("/registrations/" + registration);
        assertThat(browser.buttons("Cancel registration")).isNotEmpty();
    }

    @Test
    void anotherLearnersRegistrationAndAnInvisibleSessionAnswerThe404Page() {
        long session = fixtures.session(fixtures.course("SELF"), 5, false);
        long registration = fixtures.book(fixtures.learner(), session).body().get("id").asLong();
        long hidden = fixtures.session(fixtures.course("SELF"), 5, false, false, Map.of("departments", List.of("Finance")));
        signIn(fixtures.learner());

        browser.visit("/registrations/" + registration);
        assertThat(browser.heading()).isEqualTo("Page not found");
        browser.visit("/sessions/" + hidden);
        assertThat(browser.heading()).isEqualTo("Page not found");
        assertThat(browser.text()).doesNotContain("Session ").doesNotContain("Whitelabel");
        browser.visit("/sessions/999999999");
        assertThat(browser.heading()).isEqualTo("Page not found");
    }

    @Test
    void theSessionsPageHasNoSidewaysScrollAt375Pixels() {
        long course = fixtures.course("SELF");
        fixtures.session(course, 3, true, true, Map.of());
        signIn(fixtures.learner());
        browser.width(375).visit("/sessions");
        assertThat(browser.fitsWidth()).as("no sideways scrolling at 375 px").isTrue();
        browser.visit("/sessions?view=month");
        assertThat(browser.fitsWidth()).as("month view at 375 px").isTrue();
        browser.visit("/me/registrations");
        assertThat(browser.fitsWidth()).isTrue();
    }

    private long offerOf(String learner, long session) {
        return fixtures.calendar(learner).stream().filter(s -> s.get("id").asLong() == session)
                .filter(s -> "INVITED".equals(s.path("myStatus").asText()))
                .mapToLong(s -> s.get("myRegistrationId").asLong()).findFirst().orElse(0);
    }

    private static String linkIn(String address, String path) throws Exception {
        Pattern link = Pattern.compile("https?://[^\\s\"<>]*" + Pattern.quote(path) + "\\b[^\\s\"<>]*");
        for (MimeMessage mail : Mailbox.to(address)) {
            Matcher m = link.matcher(text(mail.getContent()));
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }

    private static String text(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
