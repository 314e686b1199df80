package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** A coordinator's enrolment keys, people, segments and pathways, in the browser and as a form post without script. */
class CoordinatorDirectoryJourneyIT extends BrowserJourney {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEnrolmentManagerMakesAKeyThatALearnerRedeemsAndRefusesMoreUsesThanSeats() {
        long course = fixtures.course("SELF");
        long session = fixtures.session(course, 3, false);
        String title = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body().get("title").asText();
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        String expiry = LocalDateTime.now(ZoneId.of("Europe/London")).plusDays(3).truncatedTo(ChronoUnit.MINUTES)
                .toString();

        PageClient pages = new PageClient("http://localhost:" + port).signIn(manager, Api.passwordOf(manager));
        HttpResponse<String> tooMany = pages.post("/admin/keys/new?course=" + course, "/admin/keys",
                Map.of("courseId", Long.toString(course), "sessionIds", Long.toString(session), "maxUses", "4",
                        "expiresAt", expiry));
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tooMany.body()).contains("id=\"maxUses-error\"").contains("at most 3")
                .contains("value=\"4\"").contains("value=\"" + expiry + "\"");
        HttpResponse<String> noUses = pages.post("/admin/keys/new?course=" + course, "/admin/keys",
                Map.of("courseId", Long.toString(course), "sessionIds", Long.toString(session), "maxUses", "lots",
                        "expiresAt", expiry));
        assertThat(noUses.statusCode()).isEqualTo(400);
        assertThat(noUses.body()).contains("a whole number").contains("value=\"lots\"");
        assertThat(keysOf(course)).isZero();

        signIn(manager);
        browser.visit("/admin/keys");
        browser.click("New key");
        new Select(browser.field("Course")).selectByValue(Long.toString(course));
        browser.click("Show its sessions");
        browser.driver().findElement(By.id("session-" + session)).click();
        browser.field("Uses").sendKeys("2");
        setValue(browser.field("Expires"), expiry);
        browser.click("Create key");
        assertThat(browser.text()).contains("The key is made").contains(title).contains("2 of 2");
        String code = browser.heading().substring("Key ".length());
        assertThat(keysOf(course)).isOne();

        String learner = fixtures.learner();
        assertThat(api.post(learner, Api.passwordOf(learner), "/api/enrolment-keys/" + code + "/redeem", null)
                .status()).isEqualTo(201);
        browser.click("All keys");
        assertThat(browser.text()).contains(code).contains("1 of 2");

        browser.clearCookies();
        signIn(learner);
        browser.visit("/admin/keys");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    @Test
    void anAdminCreatesFindsAndEditsAPersonAndABadFormStoresNothing() {
        String username = Api.unique("pat");
        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        HttpResponse<String> bad = pages.post("/admin/people/new", "/admin/people", Map.of("username", username,
                "password", "short", "name", "Pat Example", "email", "not-an-email", "employmentType", "EMPLOYEE",
                "timeZone", "Mars/Olympus", "groups", MusterGroups.LEARNERS, "profileFields", "shoeSize"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"password-error\"").contains("id=\"email-error\"")
                .contains("unknown time zone").contains("one field a line").contains("value=\"Pat Example\"")
                .contains("value=\"not-an-email\"").doesNotContain("value=\"short\"");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/people/" + username, null).status()).isEqualTo(404);

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/people");
        browser.click("New person");
        browser.field("Username").sendKeys(username);
        browser.field("Password").sendKeys("a-long-password");
        browser.field("Name").sendKeys("Pat " + username);
        browser.field("Email").sendKeys(username + "@example.org");
        browser.field("Department").sendKeys("Sales");
        browser.field("Job role").sendKeys("Rep");
        browser.field("Location").sendKeys("Leeds");
        new Select(browser.field("Employment type")).selectByValue("SUBCONTRACTOR");
        browser.field("Custom profile fields").sendKeys("badge = B7");
        browser.field("Trainers").click();
        browser.click("Create person");
        assertThat(browser.text()).contains("The person is created");
        var created = api.asAdmin(HttpMethod.GET, "/api/people/" + username, null).body();
        assertThat(created.get("department").asText()).isEqualTo("Sales");
        assertThat(created.get("employmentType").asText()).isEqualTo("SUBCONTRACTOR");
        assertThat(created.get("profileFields").get("badge").asText()).isEqualTo("B7");
        assertThat(created.get("groups").toString()).contains(MusterGroups.LEARNERS).contains(MusterGroups.TRAINERS);

        browser.visit("/admin/people?q=" + username);
        assertThat(browser.text()).contains(username + "@example.org");
        browser.click("Pat " + username);
        browser.field("Department").clear();
        browser.field("Department").sendKeys("Marketing");
        browser.field("Manager").sendKeys(username);
        browser.click("Save");
        assertThat(browser.field("Manager").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text()).contains("a person cannot be their own manager");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/people/" + username, null).body().get("department").asText())
                .isEqualTo("Sales");
        browser.field("Manager").clear();
        browser.click("Save");
        assertThat(browser.text()).contains("The profile is saved");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/people/" + username, null).body().get("department").asText())
                .isEqualTo("Marketing");

        browser.width(375);
        browser.visit("/admin/people/" + username + "/edit");
        assertThat(browser.fitsWidth()).isTrue();

        browser.clearCookies();
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        signIn(manager);
        browser.visit("/admin/people");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    @Test
    void anAdminMakesASegmentLinksAndUnlinksACourseEditsAndDeletesIt() {
        String department = Api.unique("Dept");
        fixtures.learner(Map.of("department", department));
        long assigned = fixtures.course("ASSIGNMENT_ONLY");
        long self = fixtures.course("SELF");
        String code = api.asAdmin(HttpMethod.GET, "/api/courses/" + assigned, null).body().get("code").asText();
        String name = Api.unique("Segment");

        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        HttpResponse<String> bad = pages.post("/admin/segments/new", "/admin/segments",
                Map.of("name", name, "rule", "shoeSizeNobodyHas = 42"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"rule-error\"").contains("no such profile field")
                .contains("shoeSizeNobodyHas = 42").contains("value=\"" + name + "\"");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments", null).text()).doesNotContain(name);

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/segments");
        browser.click("New segment");
        browser.field("Name").sendKeys(name);
        browser.field("Rule").sendKeys("department = " + department);
        browser.click("Create segment");
        assertThat(browser.text()).contains("The segment is created").contains("Members now: 1");
        long segment = Long.parseLong(browser.path().replaceAll("\\D", ""));

        new Select(browser.field("Course to link")).selectByValue(Long.toString(self));
        browser.click("Link course");
        assertThat(browser.field("Course to link").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text()).contains("ASSIGNMENT_ONLY");
        new Select(browser.field("Course to link")).selectByValue(Long.toString(assigned));
        browser.click("Link course");
        assertThat(browser.text()).contains("The course is linked");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body().get("courses")
                .findValuesAsText("courseId")).containsExactly(Long.toString(assigned));

        browser.click("All segments");
        assertThat(browser.text()).contains(name).contains("department: " + department).contains(code);
        browser.click(name);
        browser.field("Name").clear();
        browser.field("Name").sendKeys(name + " renamed");
        browser.click("Save");
        assertThat(browser.text()).contains("The segment is saved");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body().get("name").asText())
                .isEqualTo(name + " renamed");
        browser.click("Unlink");
        assertThat(browser.text()).contains("The course is unlinked");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body().get("courses")).isEmpty();

        browser.click("Delete segment");
        browser.click("Delete segment");
        assertThat(browser.text()).contains("The segment is deleted").doesNotContain(name);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).status()).isEqualTo(404);

        browser.clearCookies();
        signIn(fixtures.learner());
        browser.visit("/admin/segments");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    @Test
    void anAdminMakesAPathwayOfACourseAndSessionsChangesItsStepsAndDeletesIt() {
        String courseTitle = "Online " + Api.unique("");
        long eLearning = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("EL"),
                "title", courseTitle, "kind", "ELEARNING", "required", false, "enrolmentMethod", "SELF",
                "launchUrl", "https://learn.example.org/basics")).body().get("id").asLong();
        long instructorLed = fixtures.course("SELF");
        long session = fixtures.session(instructorLed, 5, false);
        String title = Api.unique("Pathway");

        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        HttpResponse<String> bad = pages.post("/admin/pathways/new", "/admin/pathways",
                Map.of("title", title, "steps[0].courseId", Long.toString(instructorLed), "steps[0].rule", "ALL"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"step0-error\"").contains("a course step is an e-learning course")
                .contains("value=\"" + title + "\"");
        assertThat(jdbc.queryForObject("select count(*) from pathway where title = ?", Integer.class, title)).isZero();

        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/pathways");
        browser.click("New pathway");
        browser.field("Title").sendKeys(title);
        new Select(browser.driver().findElement(By.id("step0-course"))).selectByValue(Long.toString(eLearning));
        new Select(browser.driver().findElement(By.id("step1-sessions"))).selectByValue(Long.toString(session));
        new Select(browser.driver().findElement(By.id("step1-rule"))).selectByValue("ANY");
        browser.click("Create pathway");
        assertThat(browser.text()).contains("The pathway is created");
        long pathway = Long.parseLong(browser.path().replaceAll("\\D", ""));
        var steps = api.asAdmin(HttpMethod.GET, "/api/pathways/" + pathway, null).body().get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("courseId").asLong()).isEqualTo(eLearning);
        assertThat(steps.get(1).get("rule").asText()).isEqualTo("ANY");
        assertThat(steps.get(1).get("sessionIds").get(0).asLong()).isEqualTo(session);

        browser.click("All pathways");
        assertThat(browser.text()).contains(title).contains("Complete").contains(courseTitle)
                .contains("Attend any one of");
        browser.click(title);
        browser.field("Title").clear();
        browser.field("Title").sendKeys(title + " v2");
        new Select(browser.driver().findElement(By.id("step1-rule"))).selectByValue("ALL");
        browser.click("Save");
        assertThat(browser.text()).contains("The pathway is saved");
        var changed = api.asAdmin(HttpMethod.GET, "/api/pathways/" + pathway, null).body();
        assertThat(changed.get("title").asText()).isEqualTo(title + " v2");
        assertThat(changed.get("steps").get(1).get("rule").asText()).isEqualTo("ALL");
        browser.width(375);
        browser.visit("/admin/pathways/" + pathway);
        assertThat(browser.fitsWidth()).isTrue();
        browser.width(1440);

        browser.click("Delete pathway");
        browser.click("Delete pathway");
        assertThat(browser.text()).contains("The pathway is deleted").doesNotContain(title);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/pathways/" + pathway, null).status()).isEqualTo(404);

        browser.clearCookies();
        signIn(fixtures.learner());
        browser.visit("/admin/pathways");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }

    private int keysOf(long course) {
        return jdbc.queryForObject("select count(*) from enrolment_key where course_id = ?", Integer.class, course);
    }

    private static void setValue(WebElement input, String value) {
        // a datetime-local control takes keys in the browser's own date format; its value is the same everywhere
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
