package io.muster.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;

/** A learner redeems an enrolment key and hands in a course's upload and evaluation from "My learning". */
class MyLearningJourneyIT extends BrowserJourney {

    @Test
    void aLearnerRedeemsAKeyAndIsRegisteredInItsSessions() {
        long course = fixtures.course(true);
        long one = fixtures.session(course, 5, false);
        long two = fixtures.session(course, 5, false);
        String code = api.asAdmin(HttpMethod.POST, "/api/enrolment-keys", Map.of("courseId", course,
                "sessionIds", List.of(one, two), "maxUses", 3,
                "expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString())).body().get("code").asText();
        String learner = fixtures.learner();
        signIn(learner);
        browser.visit("/me/courses");

        browser.field("Enrolment key").sendKeys("not-a-key");
        browser.click("Redeem");
        assertThat(browser.driver().findElement(By.cssSelector("[role=alert]")).getText())
                .contains("There is no enrolment key not-a-key");
        assertThat(browser.field("Enrolment key").getAttribute("value")).isEqualTo("not-a-key");

        browser.field("Enrolment key").clear();
        browser.field("Enrolment key").sendKeys(code);
        browser.click("Redeem");
        assertThat(browser.path()).isEqualTo("/me/registrations");
        assertThat(browser.text()).contains("Key redeemed");
        assertThat(fixtures.calendar(learner).stream().filter(s -> List.of(one, two).contains(s.get("id").asLong()))
                .map(s -> s.path("myStatus").asText())).containsExactly("REGISTERED", "REGISTERED");
    }

    @Test
    void aLearnerHandsInAnUploadAndAnEvaluationAndSeesTheirProgress() throws Exception {
        long course = fixtures.course("SELF");
        long session = fixtures.session(course, 5, false);
        api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/items",
                Map.of("kind", "UPLOAD", "title", "Signed checklist", "required", true));
        api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/items", Map.of("kind", "EVALUATION",
                "title", "Feedback", "required", true, "questions", List.of("What will you do differently?")));
        String learner = fixtures.learner();
        assertThat(fixtures.book(learner, session).status()).isEqualTo(201);
        signIn(learner);
        browser.visit("/me/courses");
        assertThat(browser.text()).contains("0% done");

        Path file = Files.createTempFile("checklist", ".txt");
        Files.writeString(file, "signed", StandardCharsets.UTF_8);
        browser.field("File for Signed checklist").sendKeys(file.toString());
        browser.click("Hand in file");
        assertThat(browser.text()).contains("Handed in. Thank you.");
        browser.field("What will you do differently?").sendKeys("Check the exits first");
        browser.click("Hand in answers");
        assertThat(browser.text()).contains("Handed in. Thank you.").contains("66% done");
        browser.width(375);
        assertThat(browser.fitsWidth()).isTrue();
    }
}
