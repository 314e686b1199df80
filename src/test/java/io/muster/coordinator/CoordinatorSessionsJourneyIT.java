package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.PageClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** A coordinator publishes a draft, reads its roster, exports it and cancels the session with a reason. */
class CoordinatorSessionsJourneyIT extends BrowserJourney {

    @Test
    void anAdminPublishesADraftReadsTheRosterAndCancelsTheSessionWithAReason() throws Exception {
        long session = fixtures.draft(fixtures.course("SELF"), 5, true, false, Map.of());
        String title = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body().get("title").asText();
        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        browser.visit("/admin/sessions?q=" + title.replace(' ', '+'));
        browser.click(title);
        assertThat(browser.text()).contains("Draft");
        browser.click("Publish");
        assertThat(browser.text()).contains("Published").contains("Scheduled");

        String learner = fixtures.learner();
        assertThat(fixtures.book(learner, session).status()).isEqualTo(201);
        browser.click("Roster");
        assertThat(browser.text()).contains("Test " + learner).contains("Registered (1)").contains("1 of 5")
                .contains("20%");
        browser.click("Registered (1)");
        assertThat(browser.path()).contains("status=REGISTERED");

        PageClient pages = new PageClient("http://localhost:" + port).signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        HttpResponse<String> noReason = pages.post("/admin/sessions/" + session + "/cancel",
                "/admin/sessions/" + session + "/cancel", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Reason: between 1 and 1000 characters");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body().get("status").asText())
                .isEqualTo("SCHEDULED");
        HttpResponse<byte[]> export = pages.download("/admin/sessions/" + session + "/roster.xlsx");
        assertThat(export.headers().firstValue("Content-Type")).contains(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        byte[] workbook = export.body();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(read.getSheetAt(0).getLastRowNum()).isEqualTo(1);
        }

        browser.visit("/admin/sessions/" + session);
        browser.click("Cancel session");
        browser.field("Reason").sendKeys("The trainer is ill");
        browser.click("Cancel session");
        assertThat(browser.text()).contains("The session is cancelled").contains("The trainer is ill");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(
                fixtures.registration(learner, registrationOf(session)).body().get("status").asText()));
    }

    @Test
    void anEnrolmentManagerReadsButMayNotPublishAndALearnerIsRefused() {
        long session = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of());
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        signIn(manager);
        browser.visit("/admin/sessions/" + session);
        assertThat(browser.buttons("Publish")).isEmpty();
        assertThat(browser.buttons("Cancel session")).isEmpty();

        browser.clearCookies();
        signIn(fixtures.learner());
        browser.visit("/admin/sessions");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        browser.visit("/admin/sessions/" + session + "/roster");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        assertThat(browser.text()).doesNotContain("Roster");
    }

    private long registrationOf(long session) {
        return api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body().get("registrations")
                .findValues("id").stream().mapToLong(n -> n.asLong()).findFirst().orElseThrow();
    }
}
