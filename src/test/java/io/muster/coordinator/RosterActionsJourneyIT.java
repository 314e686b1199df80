package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.PageClient;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpMethod;

/**
 * A coordinator works on the ticked lines of a roster: copies two learners to another session,
 * changes a status where one line is refused with its reason, books a learner found by a search and,
 * once the session has started, marks attendance for every line at once. Bad forms change nothing.
 */
class RosterActionsJourneyIT extends BrowserJourney {

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void aCoordinatorCopiesChangesStatusAddsALearnerAndMarksAttendanceOnTheSelectedLines() {
        long course = fixtures.course(true);
        long session = fixtures.sessionStartingSoon(course, 10);
        long other = fixtures.session(course, 10, false, false, Map.of());
        String ann = fixtures.learner();
        String ben = fixtures.learner();
        String cat = fixtures.learner();
        String dan = fixtures.learner();
        for (String learner : new String[] {ann, ben, cat}) {
            assertThat(fixtures.book(learner, session).status()).isEqualTo(201);
        }
        assertThat(fixtures.act(cat, registrationOf(session, cat), "cancel").status()).isEqualTo(200);

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/sessions/" + session + "/roster");
        assertThat(browser.buttons("Mark attendance")).isEmpty();
        browser.click("Change status");
        assertThat(browser.text()).contains("Nothing was changed").contains("Select at least one learner.");

        tick(ann);
        tick(ben);
        new Select(browser.field("Session")).selectByValue(Long.toString(other));
        browser.click("Copy to session");
        assertThat(browser.text()).contains("2 changed.");
        assertThat(statusesOn(other)).containsEntry(ann, "REGISTERED").containsEntry(ben, "REGISTERED");

        tick(ben);
        tick(cat);
        new Select(browser.field("New status")).selectByVisibleText("Cancelled");
        browser.click("Change status");
        assertThat(browser.text()).contains("1 changed; 1 refused.").contains("Test " + cat + " — Already CANCELLED");
        assertThat(statusesOn(session)).containsEntry(ben, "CANCELLED").containsEntry(ann, "REGISTERED");

        browser.click("Add learners");
        findAndPick(dan, "Book");
        assertThat(browser.text()).contains("1 changed.").contains("Test " + dan + " — Registered");
        assertThat(statusesOn(session)).containsEntry(dan, "REGISTERED");

        String eve = fixtures.learner();
        browser.visit("/admin/sessions/" + session + "/roster/add");
        findAndPick(eve, "Invite");
        assertThat(browser.text()).contains("1 changed.").contains("Test " + eve + " — Invited");
        assertThat(statusesOn(session)).containsEntry(eve, "INVITED");
        assertThat(io.muster.support.Mailbox.awaitSubjects(eve + "@example.org", 1)).isNotEmpty();

        // just past the start
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        // an invitation still unanswered when the session starts is declined by its process
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "DECLINED".equals(statusesOn(session).get(eve)));
        browser.visit("/admin/sessions/" + session + "/roster");
        browser.click("Select all");
        new Select(browser.field("Attendance")).selectByVisibleText("Attended");
        browser.click("Mark attendance");
        assertThat(browser.text()).contains("2 changed; 3 refused.")
                .contains("Test " + eve + " — No transition from DECLINED to ATTENDED");
        assertThat(statusesOn(session)).containsEntry(ann, "ATTENDED").containsEntry(dan, "ATTENDED")
                .containsEntry(ben, "CANCELLED").containsEntry(cat, "CANCELLED").containsEntry(eve, "DECLINED");

        browser.width(375);
        browser.visit("/admin/sessions/" + session + "/roster");
        assertThat(browser.fitsWidth()).isTrue();
    }

    @Test
    void anEnrolmentManagerSwapsALearnerToAnotherSessionAndALearnerMayNot() {
        long course = fixtures.course(false);
        long session = fixtures.session(course, 10, false, false, Map.of());
        long other = fixtures.session(course, 10, false, false, Map.of());
        String ann = fixtures.learner();
        assertThat(fixtures.book(ann, session).status()).isEqualTo(201);
        String line = Long.toString(registrationOf(session, ann));
        String roster = "/admin/sessions/" + session + "/roster";

        String learner = fixtures.learner();
        PageClient asLearner = new PageClient("http://localhost:" + port).signIn(learner, Api.passwordOf(learner));
        assertThat(asLearner.postRaw(roster + "/swap", Map.of("selected", line, "target", Long.toString(other)))
                .statusCode()).isEqualTo(403);
        assertThat(statusesOn(other)).isEmpty();

        String manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        PageClient asManager = new PageClient("http://localhost:" + port).signIn(manager, Api.passwordOf(manager));
        HttpResponse<String> swapped = asManager.post(roster, roster + "/swap",
                Map.of("selected", line, "target", Long.toString(other)));
        assertThat(swapped.statusCode()).isEqualTo(302);
        assertThat(statusesOn(session)).isEqualTo(Map.of(ann, "CANCELLED"));
        assertThat(statusesOn(other)).isEqualTo(Map.of(ann, "REGISTERED"));
    }

    @Test
    void aFormThatDoesNotSayWhatToDoIsAnsweredWith400AndChangesNothing() {
        long course = fixtures.course(true);
        long session = fixtures.session(course, 10, false, false, Map.of());
        long other = fixtures.session(course, 10, false, false, Map.of());
        String ann = fixtures.learner();
        String ben = fixtures.learner();
        assertThat(fixtures.book(ann, session).status()).isEqualTo(201);
        assertThat(fixtures.book(ben, other).status()).isEqualTo(201);
        String line = Long.toString(registrationOf(session, ann));
        String roster = "/admin/sessions/" + session + "/roster";
        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);

        HttpResponse<String> nothing = pages.post(roster, roster + "/status", Map.of("status", "CANCELLED"));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Select at least one learner.");
        HttpResponse<String> unknownStatus = pages.post(roster, roster + "/status",
                Map.of("selected", line, "status", "PROMOTED"));
        assertThat(unknownStatus.statusCode()).isEqualTo(400);
        assertThat(unknownStatus.body()).contains("Choose one of the statuses listed.");
        HttpResponse<String> unknownTarget = pages.post(roster, roster + "/copy",
                Map.of("selected", line, "target", "999999"));
        assertThat(unknownTarget.statusCode()).isEqualTo(400);
        assertThat(unknownTarget.body()).contains("Choose one of the sessions listed.");
        HttpResponse<String> walkInCopy = pages.post(roster, roster + "/copy",
                Map.of("selected", line, "target", Long.toString(other), "copyAs", "GO_SHOW"));
        assertThat(walkInCopy.statusCode()).isEqualTo(400);
        assertThat(walkInCopy.body()).contains("Choose one of the statuses listed for a copy.");
        HttpResponse<String> notOnRoster = pages.post(roster, roster + "/status",
                Map.of("selected", Long.toString(registrationOf(other, ben)), "status", "CANCELLED"));
        assertThat(notOnRoster.statusCode()).isEqualTo(400);
        assertThat(notOnRoster.body()).contains("Select only learners on this session’s roster.");

        assertThat(statusesOn(session)).isEqualTo(Map.of(ann, "REGISTERED"));
        assertThat(statusesOn(other)).isEqualTo(Map.of(ben, "REGISTERED"));
    }

    /** On Add learners: finds the learner, ticks them and presses the button. */
    private void findAndPick(String learner, String button) {
        browser.field("Find people").sendKeys(learner);
        browser.click("Find");
        tick(learner);
        browser.click(button);
    }

    private void tick(String learner) {
        browser.tick("Select Test " + learner);
    }

    private Map<String, String> statusesOn(long session) {
        return fixtures.statusesOn(session);
    }

    private long registrationOf(long session, String learner) {
        long id = -1;
        for (JsonNode r : rosterOf(session)) {
            if (r.get("username").asText().equals(learner)) {
                id = r.get("id").asLong();
            }
        }
        return id;
    }

    private JsonNode rosterOf(long session) {
        return api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body().get("registrations");
    }
}
