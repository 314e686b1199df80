package io.muster.rulechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.muster.rules.Decisions;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * An analyst uploads a changed table on the rules page, reads whom it would affect, deploys it
 * with a comment and finds it in the versions list, with its time in their own zone; on a phone
 * too, and the same forms work as plain posts without script. A learner is refused the page.
 */
class RulesJourneyIT extends BrowserJourney {

    @Test
    void anAnalystPreviewsDeploysAndComparesAChangedVisibilityTable() throws Exception {
        String analyst = api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS,
                Map.of("timeZone", "America/New_York"));
        String department = Api.unique("Dept");
        String affected = fixtures.learner(Map.of("department", department));
        fixtures.session(5, false, false);
        String changed = RuleTables.withFirstRule(RuleTables.withInputExpression(
                RuleTables.original(Decisions.SESSION_VISIBILITY), "input_employment_type", "department", "string"),
                "rule_hidden_from_department", new String[] {"", "", "", "", "", "\"" + department + "\""},
                new String[] {"false", "\"Hidden from " + department + "\""});
        Path file = Files.createTempFile("session-visibility", ".dmn");
        Files.writeString(file, changed);

        signIn(analyst);
        browser.visit("/");
        browser.click("Decision tables");
        assertThat(browser.heading()).isEqualTo("Decision tables");
        new Select(browser.field("Decision")).selectByValue(Decisions.SESSION_VISIBILITY);
        browser.field("Decision table").sendKeys(file.toAbsolutePath().toString());
        browser.click("Preview");
        assertThat(browser.text()).contains("What session-visibility would change").contains(affected)
                .contains("Sees it").contains("Does not see it").contains("Hidden from " + department)
                .contains("rule_visible").contains("rule_hidden_from_department")
                .contains("added rule_hidden_from_department");
        browser.width(390);
        assertThat(browser.fitsWidth()).as("the preview fits a phone").isTrue();
        browser.width(1440);

        browser.field("Comment").sendKeys("Hide sessions from " + department);
        try {
            browser.click("Deploy");
            assertThat(browser.path()).isEqualTo("/analyst/rules/session-visibility/versions");
            String text = browser.text();
            assertThat(text).contains("is deployed").contains(analyst).contains("Hide sessions from " + department);
            assertThat(text).as("times in the analyst's zone").containsPattern("\\d{2}:\\d{2} (EST|EDT)");
            browser.width(390);
            assertThat(browser.fitsWidth()).as("the versions list fits a phone").isTrue();
            browser.width(1440);
            browser.click("Compare");
            assertThat(browser.text()).contains("Rules added (1)").contains("rule_hidden_from_department");
        } finally {
            Files.delete(file);
            restore(analyst);
        }
    }

    @Test
    void theFormsWorkAsPlainPostsWithoutScriptAndALearnerIsRefused() {
        String analyst = api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of());
        PageClient pages = new PageClient("http://localhost:" + port).signIn(analyst, Api.passwordOf(analyst));
        String unchanged = RuleTables.withFirstRule(RuleTables.original(Decisions.REGISTRATION_ELIGIBILITY),
                "rule_never", new String[] {"\"NO_SUCH_METHOD\"", "", "", "", "", ""},
                new String[] {"\"REJECT\"", "null", "null", "\"Never\""});

        HttpResponse<String> refused = pages.postFile("/analyst/rules", "/analyst/rules/preview",
                Map.of("decision", Decisions.REGISTRATION_ELIGIBILITY), "file", "x.dmn",
                "not a table".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not a DMN model");

        HttpResponse<String> preview = pages.postFile("/analyst/rules", "/analyst/rules/preview",
                Map.of("decision", Decisions.REGISTRATION_ELIGIBILITY), "file", "registration-eligibility.dmn",
                unchanged.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("outcome changes");
        Matcher content = Pattern.compile("name=\"content\" value=\"([^\"]+)\"").matcher(preview.body());
        assertThat(content.find()).isTrue();
        try {
            HttpResponse<String> deployed = pages.post("/analyst/rules", "/analyst/rules/deploy", Map.of(
                    "decision", Decisions.REGISTRATION_ELIGIBILITY, "content", content.group(1), "comment", "no-op"));
            assertThat(deployed.statusCode()).isEqualTo(302);
            assertThat(deployed.headers().firstValue("Location").orElse(""))
                    .endsWith("/analyst/rules/registration-eligibility/versions");
            assertThat(pages.get("/analyst/rules/registration-eligibility/versions").body()).contains(analyst)
                    .contains("no-op");
        } finally {
            pages.post("/analyst/rules", "/analyst/rules/deploy", Map.of("decision", Decisions.REGISTRATION_ELIGIBILITY,
                    "content", java.util.Base64.getEncoder().encodeToString(RuleTables.original(
                            Decisions.REGISTRATION_ELIGIBILITY).getBytes(StandardCharsets.UTF_8)), "comment", "restored"));
        }

        String learner = fixtures.learner();
        PageClient learnerPages = new PageClient("http://localhost:" + port).signIn(learner, Api.passwordOf(learner));
        assertThat(learnerPages.get("/analyst/rules").statusCode()).isEqualTo(403);
        assertThat(learnerPages.postFile("/sessions", "/analyst/rules/preview", Map.of("decision",
                Decisions.REGISTRATION_ELIGIBILITY), "file", "x.dmn", unchanged.getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
    }

    private void restore(String analyst) {
        PageClient pages = new PageClient("http://localhost:" + port).signIn(analyst, Api.passwordOf(analyst));
        HttpResponse<String> restored = pages.post("/analyst/rules", "/analyst/rules/deploy", Map.of(
                "decision", Decisions.SESSION_VISIBILITY, "content", java.util.Base64.getEncoder().encodeToString(
                        RuleTables.original(Decisions.SESSION_VISIBILITY).getBytes(StandardCharsets.UTF_8)),
                "comment", "restored"));
        assertThat(restored.statusCode()).isEqualTo(302);
    }
}
