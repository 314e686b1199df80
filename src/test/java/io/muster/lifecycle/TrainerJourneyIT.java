package io.muster.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;

/** A trainer marks attendance on their own page, with a walk-in; nobody else opens it. */
class TrainerJourneyIT extends BrowserJourney {

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void aTrainerMarksAttendanceWithAWalkIn() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionStartingSoon(fixtures.course("SELF"), 5, trainer);
        String came = fixtures.learner();
        String stayedAway = fixtures.learner();
        String walkedIn = fixtures.learner();
        assertThat(fixtures.book(came, session).status()).isEqualTo(201);
        assertThat(fixtures.book(stayedAway, session).status()).isEqualTo(201);

        signIn(trainer);
        browser.visit("/trainer/sessions");
        String title = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body().get("title").asText();
        browser.click(title);
        assertThat(browser.text()).contains("Attendance can be marked once the session has started");

        // just past the start
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        browser.visit("/trainer/sessions/" + session);
        browser.field("Find a walk-in").sendKeys(walkedIn.toUpperCase());
        browser.click("Search");
        browser.driver().findElement(By.xpath("//fieldset[legend='Add walk-in']//label[contains(., '" + walkedIn + "')]"))
                .click();
        browser.driver().findElement(By.xpath("//fieldset[contains(., '" + came + "')]//label[.='Attended']")).click();
        browser.driver().findElement(By.xpath("//fieldset[contains(., '" + stayedAway + "')]//label[.='Absent']"))
                .click();
        browser.click("Save attendance");
        assertThat(browser.text()).contains("Attendance saved.");

        var roster = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body();
        assertThat(roster.toString()).contains(came).contains(stayedAway).contains(walkedIn);
        assertThat(roster.findValuesAsText("status")).contains("ATTENDED", "ABSENT", "GO_SHOW");
    }

    @Test
    void savingAttendanceOnThePageCompletesTheTasklistTaskThatAskedForIt() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionStartingSoon(fixtures.course("SELF"), 5, trainer);
        String learner = fixtures.learner();
        assertThat(fixtures.book(learner, session).status()).isEqualTo(201);
        String tasks = "/engine-rest/task?processDefinitionKey=session-lifecycle&processInstanceBusinessKey=" + session;

        // past the end, unmarked: the lifecycle asks the trainer in Tasklist
        Instant end = java.time.OffsetDateTime.parse(api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null)
                .body().get("endsAt").asText()).toInstant();
        ClockUtil.setCurrentTime(Date.from(end.plusSeconds(60)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(trainer, Api.passwordOf(trainer), tasks).body().size() == 1);

        signIn(trainer);
        browser.visit("/trainer/sessions/" + session);
        browser.driver().findElement(By.xpath("//fieldset[contains(., '" + learner + "')]//label[.='Attended']")).click();
        browser.click("Save attendance");
        assertThat(browser.text()).contains("Attendance saved.");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(trainer, Api.passwordOf(trainer), tasks).body().isEmpty());
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body()
                .findValuesAsText("status")).containsExactly("ATTENDED");
    }

    @Test
    void aLearnerOpeningATrainerPageGetsTheRefusalPageAndNoData() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionTrainedBy(trainer, 5, false, false);
        signIn(fixtures.learner());
        browser.visit("/trainer/sessions/" + session);
        assertThat(browser.heading()).isEqualTo("Not allowed");
        browser.visit("/trainer/sessions");
        assertThat(browser.heading()).isEqualTo("Not allowed");

        browser.clearCookies();
        signIn(api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of()));
        browser.visit("/trainer/sessions/" + session);
        assertThat(browser.heading()).isEqualTo("Page not found");
    }
}
