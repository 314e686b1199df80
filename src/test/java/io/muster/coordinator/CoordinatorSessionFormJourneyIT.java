package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpMethod;

/**
 * A coordinator creates and edits sessions on one form: a draft with a waiting list, refusals
 * next to their fields with nothing stored, a trainer clash naming the other session, who hears
 * of a move, and the list's filters.
 */
class CoordinatorSessionFormJourneyIT extends BrowserJourney {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Test
    void anAdminCreatesADraftWithAWaitingListOnTheFormAndPublishesIt() {
        long course = fixtures.course("SELF");
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        String title = "Ladders " + Api.unique("");
        LocalDateTime start = LocalDateTime.now(LONDON).plusDays(40).withHour(9).withMinute(30)
                .truncatedTo(ChronoUnit.MINUTES);

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/sessions");
        browser.click("New session");
        new Select(browser.field("Course")).selectByValue(Long.toString(course));
        browser.field("Title").sendKeys(title);
        browser.field("Short description").sendKeys("Using ladders safely");
        browser.setValue(browser.field("Starts"), LOCAL.format(start));
        new Select(browser.field("Time zone")).selectByValue("Europe/London");
        browser.field("Duration (minutes)").sendKeys("90");
        browser.field("In person").click();
        browser.field("Location").sendKeys("Room 7, Leeds");
        new Select(browser.field("Trainer")).selectByValue(trainer);
        browser.field("Capacity").sendKeys("2");
        browser.field("Waiting list").click();
        browser.field("Departments").sendKeys("Operations, Safety");
        browser.field("Material 1: name").sendKeys("Checklist");
        browser.field("Material 1: URL").sendKeys("https://example.org/ladders.pdf");
        browser.click("Create draft");

        assertThat(browser.text()).contains("Draft created").contains(title).contains("Draft");
        long id = Long.parseLong(browser.path().replaceAll(".*/admin/sessions/(\\d+).*", "$1"));
        JsonNode stored = api.asAdmin(HttpMethod.GET, "/api/sessions/" + id, null).body();
        assertThat(stored.get("status").asText()).isEqualTo("DRAFT");
        assertThat(stored.get("courseId").asLong()).isEqualTo(course);
        assertThat(OffsetDateTime.parse(stored.get("startsAt").asText()).toInstant())
                .isEqualTo(start.atZone(LONDON).toInstant());
        assertThat(stored.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(stored.get("capacity").asInt()).isEqualTo(2);
        assertThat(stored.get("waitingList").asBoolean()).isTrue();
        assertThat(stored.get("approvalRequired").asBoolean()).isFalse();
        assertThat(stored.get("trainerUsername").asText()).isEqualTo(trainer);
        assertThat(stored.get("visibility").get("departments").toString()).contains("Operations", "Safety");
        assertThat(stored.get("materials")).hasSize(1);

        browser.click("Publish");
        assertThat(browser.text()).contains("Scheduled");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions/" + id, null).body().get("status").asText())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void badInputIsNamedNextToEachFieldKeepsWhatWasTypedAndStoresNothing() {
        long session = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of());
        JsonNode before = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body();
        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/sessions/" + session);
        browser.click("Edit");
        browser.field("Title").clear();
        browser.field("Capacity").clear();
        browser.field("Capacity").sendKeys("0");
        browser.field("Location").clear();
        browser.field("Location").sendKeys("Room 9, kept");
        browser.click("Save changes");

        assertThat(browser.text()).contains("nothing was saved");
        assertThat(browser.driver().findElement(By.id("title-error")).getText()).isEqualTo("Required.");
        assertThat(browser.field("Title").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.id("capacity-error")).getText())
                .contains("greater than or equal to 1");
        assertThat(browser.field("Location").getAttribute("value")).isEqualTo("Room 9, kept");

        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        Map<String, String> online = fieldsOf(before);
        online.put("type", "ONLINE");
        online.put("onlineUrl", "");
        HttpResponse<String> noUrl = pages.post(edit(session), edit(session), online);
        assertThat(noUrl.statusCode()).isEqualTo(400);
        assertThat(noUrl.body()).containsPattern("id=\"onlineUrl-error\"[^>]*>an online session needs a URL<");

        JsonNode after = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body();
        assertThat(after.get("title").asText()).isEqualTo(before.get("title").asText());
        assertThat(after.get("capacity").asInt()).isEqualTo(5);
        assertThat(after.get("type").asText()).isEqualTo("IN_PERSON");
        assertThat(after.get("location").asText()).isEqualTo("Room 1");
    }

    @Test
    void aTrainerAlreadyTeachingThenIsRefusedNextToTheTrainerNamingTheOtherSession() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long course = fixtures.course("SELF");
        long busy = fixtures.draft(course, 5, false, false, Map.of(), trainer);
        JsonNode other = api.asAdmin(HttpMethod.GET, "/api/sessions/" + busy, null).body();
        long session = fixtures.draft(course, 5, false, false, Map.of());
        Map<String, String> fields = fieldsOf(api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body());
        fields.put("startsAt", localStart(other));
        fields.put("trainerUsername", trainer);

        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        HttpResponse<String> clash = pages.post(edit(session), edit(session), fields);
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).containsPattern("id=\"trainerUsername-error\"[^>]*>the trainer is already booked at"
                + " that time, in &#39;" + other.get("title").asText() + "&#39;");
        JsonNode after = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body();
        assertThat(after.hasNonNull("trainerUsername")).isFalse();
        assertThat(after.get("startsAt").asText()).isNotEqualTo(other.get("startsAt").asText());
    }

    @Test
    void theEditFormOfAPublishedSessionSaysWhoHearsOfAMove() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionTrainedBy(trainer, 2, true, false);
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(201);
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(201);
        assertThat(fixtures.book(fixtures.learner(), session).body().get("status").asText()).isEqualTo("WAITING_LIST");

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/sessions/" + session + "/edit");
        assertThat(browser.text()).contains("2 learners and the trainer get an updated calendar entry");
        browser.width(375);
        assertThat(browser.fitsWidth()).as("the form at 375 px").isTrue();
        browser.width(1440);

        long draft = fixtures.draft(fixtures.course("SELF"), 2, false, false, Map.of());
        browser.visit("/admin/sessions/" + draft + "/edit");
        assertThat(browser.text()).doesNotContain("updated calendar entry");
    }

    @Test
    void theListFiltersByCourseAndTrainerAndShowsEachFillRate() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long course = fixtures.course("SELF");
        long trained = fixtures.draft(course, 5, false, false, Map.of(), trainer);
        api.asAdmin(HttpMethod.POST, "/api/sessions/" + trained + "/publish", null);
        assertThat(fixtures.book(fixtures.learner(), trained).status()).isEqualTo(201);
        long untrained = fixtures.draft(course, null, false, false, Map.of());
        long elsewhere = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of(), trainer);
        String trainedTitle = titleOf(trained);
        String untrainedTitle = titleOf(untrained);
        String elsewhereTitle = titleOf(elsewhere);

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/sessions");
        new Select(browser.field("Course")).selectByValue(Long.toString(course));
        browser.click("Find");
        assertThat(browser.text()).contains(trainedTitle, untrainedTitle).doesNotContain(elsewhereTitle);
        assertThat(rowOf(trainedTitle)).contains("1 of 5").contains("20%");
        assertThat(rowOf(untrainedTitle)).contains("Unlimited");

        new Select(browser.field("Trainer")).selectByValue(trainer);
        browser.click("Find");
        assertThat(browser.text()).contains(trainedTitle).doesNotContain(untrainedTitle, elsewhereTitle);

        browser.visit("/admin/sessions?trainer=" + trainer);
        assertThat(browser.text()).contains(trainedTitle, elsewhereTitle).doesNotContain(untrainedTitle);
        browser.width(375);
        assertThat(browser.fitsWidth()).as("the list at 375 px").isTrue();
        browser.width(1440);
        browser.visit("/admin/sessions?trainer=" + trainer + "&from=nonsense");
        assertThat(browser.text()).contains("this filter was left out").contains(trainedTitle, elsewhereTitle);
    }

    @Test
    void anEnrolmentManagerMayNotOpenTheForm() {
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        long session = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of());
        signIn(manager);
        browser.visit("/admin/sessions/" + session);
        assertThat(browser.buttons("Edit")).isEmpty();
        assertThat(browser.driver().findElements(By.linkText("Edit"))).isEmpty();
        browser.visit("/admin/sessions/new");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        browser.visit("/admin/sessions/" + session + "/edit");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    private static String edit(long session) {
        return "/admin/sessions/" + session + "/edit";
    }

    /** The form's fields for a session as the API shows it: posting them unchanged would save nothing new. */
    private static Map<String, String> fieldsOf(JsonNode s) {
        Map<String, String> fields = new HashMap<>();
        fields.put("courseId", s.get("courseId").asText());
        fields.put("title", s.get("title").asText());
        fields.put("startsAt", localStart(s));
        fields.put("timeZone", s.get("timeZone").asText());
        fields.put("durationMinutes", s.get("durationMinutes").asText());
        fields.put("type", s.get("type").asText());
        fields.put("location", s.get("location").asText(""));
        fields.put("capacity", s.get("capacity").isNull() ? "" : s.get("capacity").asText());
        return fields;
    }

    private static String localStart(JsonNode s) {
        return LOCAL.format(OffsetDateTime.parse(s.get("startsAt").asText())
                .atZoneSameInstant(ZoneId.of(s.get("timeZone").asText())));
    }

    private String titleOf(long session) {
        return api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body().get("title").asText();
    }

    private String rowOf(String title) {
        return browser.driver().findElement(By.xpath(
                "//tr[td/a[normalize-space()='" + title + "']]")).getText();
    }

    /** A datetime-local field takes its value in the browser's own format when typed; set it as the form sends it. */
}
