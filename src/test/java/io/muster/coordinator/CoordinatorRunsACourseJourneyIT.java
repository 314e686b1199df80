package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.PageClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpMethod;

/**
 * A coordinator runs a course from its creation to attendance without the API: the course and a
 * session with a waiting list made on the forms and published, learners booking on their own pages,
 * two of them copied to another session, attendance marked in bulk once the session has started,
 * and the roster downloaded as a workbook.
 */
class CoordinatorRunsACourseJourneyIT extends BrowserJourney {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void fromANewCourseToAttendanceAndTheWorkbookInTheBrowser() throws Exception {
        String code = Api.unique("RUN").toUpperCase();
        String courseTitle = "Working at height " + code;
        String sessionTitle = "Height drill " + code;
        String ann = fixtures.learner();
        String ben = fixtures.learner();
        String cat = fixtures.learner();

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/courses");
        browser.click("New course");
        browser.field("Code").sendKeys(code);
        browser.field("Title").sendKeys(courseTitle);
        // learners copied to a second session keep their first place too
        browser.field("Learners may hold places in several sessions of this course").click();
        browser.click("Create course");
        assertThat(browser.text()).contains("Course created.");
        long course = Long.parseLong(browser.path().replaceAll(".*/admin/courses/(\\d+).*", "$1"));

        // it starts in a few minutes: once it has, attendance can be marked
        LocalDateTime start = LocalDateTime.now(LONDON).plusMinutes(6).truncatedTo(ChronoUnit.MINUTES);
        browser.visit("/admin/sessions");
        browser.click("New session");
        new Select(browser.field("Course")).selectByValue(Long.toString(course));
        browser.field("Title").sendKeys(sessionTitle);
        browser.setValue(browser.field("Starts"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(start));
        new Select(browser.field("Time zone")).selectByValue("Europe/London");
        browser.field("Duration (minutes)").sendKeys("120");
        browser.field("In person").click();
        browser.field("Location").sendKeys("Yard 2");
        browser.field("Capacity").sendKeys("2");
        browser.field("Waiting list").click();
        browser.click("Create draft");
        long session = Long.parseLong(browser.path().replaceAll(".*/admin/sessions/(\\d+).*", "$1"));
        browser.click("Publish");
        assertThat(browser.text()).contains("Scheduled");
        long other = fixtures.session(course, 10, false, false, Map.of());

        for (String learner : new String[] {ann, ben, cat}) {
            browser.clearCookies();
            signIn(learner);
            browser.visit("/sessions/" + session);
            browser.click(learner.equals(cat) ? "Join waiting list" : "Book");
        }
        assertThat(fixtures.statusesOn(session)).containsEntry(ann, "REGISTERED").containsEntry(ben, "REGISTERED")
                .containsEntry(cat, "WAITING_LIST");

        browser.clearCookies();
        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/sessions?q=" + code);
        browser.click(sessionTitle);
        browser.click("Roster");
        assertThat(browser.text()).contains("Test " + ann).contains("Test " + cat).contains("2 of 2");
        browser.tick("Select Test " + ann);
        browser.tick("Select Test " + ben);
        new Select(browser.field("Session")).selectByValue(Long.toString(other));
        browser.click("Copy to session");
        assertThat(browser.text()).contains("2 changed.");
        assertThat(fixtures.statusesOn(other)).containsEntry(ann, "REGISTERED").containsEntry(ben, "REGISTERED");

        ClockUtil.setCurrentTime(Date.from(start.atZone(LONDON).toInstant().plus(Duration.ofMinutes(5))));
        browser.visit("/admin/sessions/" + session + "/roster");
        browser.tick("Select Test " + ann);
        browser.tick("Select Test " + ben);
        new Select(browser.field("Attendance")).selectByVisibleText("Attended");
        browser.click("Mark attendance");
        assertThat(browser.text()).contains("2 changed.");
        assertThat(fixtures.statusesOn(session)).containsEntry(ann, "ATTENDED").containsEntry(ben, "ATTENDED")
                .containsEntry(cat, "WAITING_LIST");

        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        byte[] workbook = pages.download("/admin/sessions/" + session + "/roster.xlsx").body();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(read.getSheetAt(0).getLastRowNum()).isEqualTo(3);
            StringBuilder cells = new StringBuilder();
            read.getSheetAt(0).forEach(row -> row.forEach(cell -> cells.append(cell.toString()).append('|')));
            assertThat(cells.toString()).contains("Test " + ann).contains("Test " + cat);
        }
        assertThat(api.asAdmin(HttpMethod.GET, "/api/courses/" + course, null).body().get("title").asText())
                .isEqualTo(courseTitle);
    }
}
