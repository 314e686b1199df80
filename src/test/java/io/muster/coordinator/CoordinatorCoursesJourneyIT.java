package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpMethod;

/**
 * A coordinator's courses: an admin creates, finds and edits a course, gives it an upload and an
 * evaluation, sets its auto-enrol and runs it; bad input comes back beside its field with nothing
 * stored; enrolment managers only read, learners are not let in.
 */
class CoordinatorCoursesJourneyIT extends BrowserJourney {

    @Test
    void anAdminCreatesFindsAndEditsACourseAddsItemsSetsAutoEnrolAndRunsItSeeingTheReport() {
        String code = Api.unique("JC");
        String title = Api.unique("Ladder Safety ");
        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/courses");
        browser.click("New course");
        browser.field("Code").sendKeys(code);
        browser.field("Title").sendKeys(title);
        browser.field("Valid for (months)").sendKeys("12");
        browser.field("Required training").click();
        browser.click("Create course");
        assertThat(browser.text()).contains("Course created.").contains(code).contains("12 months");
        JsonNode created = courseCoded(code);
        long id = created.get("id").asLong();
        assertThat(created.get("kind").asText()).isEqualTo("ILT");
        assertThat(created.get("required").asBoolean()).isTrue();
        assertThat(created.get("validityMonths").asInt()).isEqualTo(12);
        assertThat(created.get("enrolmentMethod").asText()).isEqualTo("SELF");

        browser.visit("/admin/courses");
        browser.field("Title or code contains").sendKeys(title.toLowerCase());
        browser.click("Find");
        assertThat(browser.driver().findElements(By.cssSelector("table.list tbody tr"))).hasSize(1);
        browser.click(title);
        assertThat(browser.path()).isEqualTo("/admin/courses/" + id);
        assertThat(browser.buttonOrLink("Sessions of this course").getAttribute("href"))
                .endsWith("/admin/sessions?course=" + id);

        browser.click("Edit course");
        browser.field("Title").clear();
        browser.field("Title").sendKeys(title + " II");
        browser.field("By assignment only (coordinators, keys, segments, auto-enrol)").click();
        browser.field("Learners may hold places in several sessions of this course").click();
        browser.click("Save course");
        assertThat(browser.text()).contains("Course saved.").contains(title + " II");
        JsonNode edited = api.asAdmin(HttpMethod.GET, "/api/courses/" + id, null).body();
        assertThat(edited.get("title").asText()).isEqualTo(title + " II");
        assertThat(edited.get("enrolmentMethod").asText()).isEqualTo("ASSIGNMENT_ONLY");
        assertThat(edited.get("allowMultipleSessions").asBoolean()).isTrue();
        assertThat(edited.get("validityMonths").asInt()).as("untouched fields keep their values").isEqualTo(12);
        assertThat(fact("Several sessions per learner")).isEqualTo("Yes");
        try {
            api.asAdmin(HttpMethod.PUT, "/api/settings/multiple-session-enrolment", Map.of("enabled", false));
            browser.visit("/admin/courses/" + id);
            assertThat(fact("Several sessions per learner")).startsWith("Allowed, but the portal's switch");
        } finally {
            api.asAdmin(HttpMethod.PUT, "/api/settings/multiple-session-enrolment", Map.of("enabled", true));
        }

        browser.field("Title").sendKeys("Signed certificate");
        browser.field("Required for completion").click();
        browser.click("Add");
        assertThat(browser.text()).contains("Added.");
        browser.field("Evaluation (questions)").click();
        browser.field("Title").sendKeys("Feedback");
        browser.field("Questions").sendKeys("How useful was it?\n\nWhat would you change?");
        browser.click("Add");
        List<JsonNode> items = itemsOf(id);
        assertThat(items).extracting(i -> i.get("title").asText()).containsExactly("Signed certificate", "Feedback");
        assertThat(items.get(0).get("kind").asText()).isEqualTo("UPLOAD");
        assertThat(items.get(0).get("required").asBoolean()).isTrue();
        assertThat(items.get(1).get("questions")).extracting(JsonNode::asText)
                .containsExactly("How useful was it?", "What would you change?");
        browser.click("Remove");
        assertThat(browser.heading()).isEqualTo("Remove Signed certificate");
        browser.click("Remove");
        assertThat(browser.text()).contains("Removed, with everything handed in for it.");
        assertThat(itemsOf(id)).extracting(i -> i.get("title").asText()).containsExactly("Feedback");

        String due = fixtures.learner();
        Instant expires = Instant.now().plus(Duration.ofDays(10));
        Api.Response record = api.asAdmin(HttpMethod.POST, "/api/training-records", Map.of("username", due,
                "courseId", id, "completedAt", expires.minus(Duration.ofDays(365)).toString(),
                "expiresAt", expires.toString()));
        assertThat(record.status()).as(record.text()).isEqualTo(201);
        browser.field("Auto-enrol learners whose training runs out").click();
        browser.field("Lead days").clear();
        browser.field("Lead days").sendKeys("45");
        browser.click("Save auto-enrol settings");
        assertThat(browser.text()).contains("Auto-enrol settings saved.");
        JsonNode settings = api.asAdmin(HttpMethod.GET, "/api/courses/" + id + "/auto-enrol", null).body();
        assertThat(settings.get("enabled").asBoolean()).isTrue();
        assertThat(settings.get("leadDays").asInt()).isEqualTo(45);
        assertThat(settings.get("includeOptional").asBoolean()).isFalse();

        browser.click("Run auto-enrol now");
        assertThat(browser.text()).contains("Auto-enrol is running");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> browser.visit("/admin/courses/" + id).text().contains("Finished"));
        assertThat(browser.text()).contains("by " + Api.ADMIN).contains("1 considered, 1 enrolled");
        WebElement reasons = browser.driver().findElement(By.cssSelector("#last-run table"));
        assertThat(reasons.getText()).contains("Training expiring").contains("Enrolled");
        assertThat(enrolledCourses(due)).contains(id);

        browser.width(375);
        browser.visit("/admin/courses/" + id);
        assertThat(browser.fitsWidth()).isTrue();
        browser.visit("/admin/courses/" + id + "/edit");
        assertThat(browser.fitsWidth()).isTrue();
    }

    @Test
    void badInputComesBackBesideItsFieldWithWhatWasTypedAndStoresNothing() {
        String title = Api.unique("Refused course ");
        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/courses/new");
        browser.field("Code").sendKeys("bad code");
        browser.field("Title").sendKeys(title);
        browser.field("E-learning (launch URL)").click();
        browser.click("Create course");
        assertThat(browser.driver().findElement(By.id("code-error")).getText())
                .isEqualTo("letters, digits, '.', '_' or '-'");
        assertThat(browser.field("Code").getAttribute("value")).isEqualTo("bad code");
        assertThat(browser.field("Code").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.field("Title").getAttribute("value")).isEqualTo(title);
        assertThat(browser.field("E-learning (launch URL)").isSelected()).isTrue();
        assertThat(browser.text()).contains("Nothing was stored.");

        String code = Api.unique("RC");
        browser.field("Code").clear();
        browser.field("Code").sendKeys(code);
        browser.click("Create course");
        assertThat(browser.driver().findElement(By.id("launchUrl-error")).getText())
                .isEqualTo("an e-learning course needs a launch URL");
        assertThat(browser.field("Code").getAttribute("value")).isEqualTo(code);
        assertThat(courseTitled(title)).as("nothing stored").isEmpty();

        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        Map<String, String> form = new HashMap<>(Map.of("code", code, "title", title, "kind", "ILT",
                "enrolmentMethod", "SELF", "validityMonths", "twelve"));
        HttpResponse<String> notANumber = pages.post("/admin/courses/new", "/admin/courses", form);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("A whole number of months, 1 to 600, or empty.").contains("value=\"twelve\"");
        form.put("validityMonths", "601");
        HttpResponse<String> tooLong = pages.post("/admin/courses/new", "/admin/courses", form);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"validityMonths-error\"").contains("value=\"601\"");
        assertThat(courseTitled(title)).as("nothing stored").isEmpty();

        long existing = fixtures.course("SELF");
        String takenCode = api.asAdmin(HttpMethod.GET, "/api/courses/" + existing, null).body().get("code").asText();
        form.put("validityMonths", "");
        form.put("code", takenCode);
        HttpResponse<String> taken = pages.post("/admin/courses/new", "/admin/courses", form);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("a course with this code exists already");
        form.put("code", code);
        form.put("kind", "FOO");
        form.put("required", "maybe");
        HttpResponse<String> garbage = pages.post("/admin/courses/new", "/admin/courses", form);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("Choose the kind of course.").contains("Tick the box or leave it empty.");
        assertThat(courseTitled(title)).as("nothing stored").isEmpty();
        for (String path : List.of("/admin/courses/abc", "/admin/courses/999999999",
                "/admin/courses/" + existing + "/items/999999999/remove")) {
            HttpResponse<String> page = pages.get(path);
            assertThat(page.statusCode()).as(path).isBetween(400, 499);
            assertThat(page.body()).as(path).contains("<h1").doesNotContain("Whitelabel");
        }

        String course = "/admin/courses/" + existing;
        HttpResponse<String> noQuestions = pages.post(course, course + "/items",
                Map.of("kind", "EVALUATION", "title", "Feedback", "questions", " \n "));
        assertThat(noQuestions.statusCode()).isEqualTo(400);
        assertThat(noQuestions.body()).contains("id=\"item-questions-error\"")
                .contains("an evaluation asks at least one question").contains("value=\"Feedback\"");
        assertThat(itemsOf(existing)).isEmpty();

        HttpResponse<String> noLeadDays = pages.post(course, course + "/auto-enrol",
                Map.of("enabled", "true", "leadDays", "0"));
        assertThat(noLeadDays.statusCode()).isEqualTo(400);
        assertThat(noLeadDays.body()).contains("id=\"leadDays-error\"").contains("value=\"0\"");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/courses/" + existing + "/auto-enrol", null).body()
                .get("enabled").asBoolean()).as("nothing stored").isFalse();
    }

    @Test
    void anEnrolmentManagerReadsCoursesButMayNotChangeThemAndALearnerIsNotAllowed() {
        long course = fixtures.course("SELF");
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        signIn(manager);
        browser.visit("/admin/courses/" + course);
        assertThat(browser.driver().findElements(By.linkText("Edit course"))).isEmpty();
        assertThat(browser.buttons("Run auto-enrol now")).isEmpty();
        assertThat(browser.text()).doesNotContain("Auto-enrol").contains("Uploads and evaluations");
        browser.visit("/admin/courses/new");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        HttpResponse<String> run = new PageClient("http://localhost:" + port).signIn(manager, Api.passwordOf(manager))
                .post("/admin/courses/" + course, "/admin/courses/" + course + "/auto-enrol/runs", Map.of());
        assertThat(run.statusCode()).isEqualTo(403);

        browser.clearCookies();
        signIn(fixtures.learner());
        browser.visit("/admin/courses");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        browser.visit("/admin/courses/" + course);
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    /** What the course page's facts say beside the term. */
    private static String fact(String term) {
        return browser.driver().findElement(By.xpath("//dt[normalize-space()='" + term
                + "']/following-sibling::dd[1]")).getText();
    }

    private JsonNode courseCoded(String code) {
        for (JsonNode c : api.asAdmin(HttpMethod.GET, "/api/courses", null).body()) {
            if (c.get("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no course " + code);
    }

    private List<JsonNode> courseTitled(String title) {
        List<JsonNode> found = new ArrayList<>();
        api.asAdmin(HttpMethod.GET, "/api/courses", null).body().forEach(c -> {
            if (c.get("title").asText().equals(title)) {
                found.add(c);
            }
        });
        return found;
    }

    private List<JsonNode> itemsOf(long course) {
        List<JsonNode> items = new ArrayList<>();
        api.asAdmin(HttpMethod.GET, "/api/courses/" + course + "/items", null).body().forEach(items::add);
        return items;
    }

    private List<Long> enrolledCourses(String username) {
        List<Long> courses = new ArrayList<>();
        api.asAdmin(HttpMethod.GET, "/api/people/" + username + "/enrolments", null).body()
                .forEach(e -> courses.add(e.get("courseId").asLong()));
        return courses;
    }
}
