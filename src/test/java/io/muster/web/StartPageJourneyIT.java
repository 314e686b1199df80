package io.muster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whoever signs in lands where their work is: learners on their sessions, everyone else on a start page. */
class StartPageJourneyIT extends BrowserJourney {

    @Test
    void anApproverLandsOnAStartPageThatLeadsToTasklist() {
        String approver = api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS, Map.of());
        signIn(approver);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.heading()).startsWith("Welcome");
        assertThat(browser.buttonOrLink("Approve registrations and mark attendance in Tasklist").getAttribute("href"))
                .endsWith("/camunda/app/tasklist/");
        assertThat(browser.buttons("Sign out")).hasSize(1);
    }

    @Test
    void anAdminReachesEveryCoordinatorPageFromTheStartPageAndAnEnrolmentManagerOnlyTheirs() {
        browser.signIn(Api.ADMIN, Api.ADMIN_PASSWORD);
        Map<String, String> areas = new java.util.LinkedHashMap<>();
        areas.put("Manage courses: their settings, uploads and evaluations, auto-enrol", "/admin/courses");
        areas.put("Manage sessions: create, edit, publish, cancel; rosters, their bulk actions and export", "/admin/sessions");
        areas.put("Registrations waiting for approval, per session", "/admin/approvals");
        areas.put("Enrolment keys: create them and see the uses left", "/admin/keys");
        areas.put("People: their profiles, groups and manager", "/admin/people");
        areas.put("Segments: who is in them and the courses they enrol on", "/admin/segments");
        areas.put("Learning pathways and their steps", "/admin/pathways");
        areas.forEach((link, path) -> {
            browser.visit("/");
            browser.click(link);
            assertThat(browser.path()).startsWith(path);
            assertThat(browser.heading()).isNotIn("Not allowed", "Page not found", "Something is not right");
        });

        browser.clearCookies();
        signIn(api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of()));
        browser.visit("/");
        assertThat(browser.buttonOrLink("Registrations waiting for approval, per session")).isNotNull();
        assertThat(browser.driver().findElements(org.openqa.selenium.By.linkText("People: their profiles, groups and manager")))
                .isEmpty();
    }

    @Test
    void signingOutEndsTheSessionAndSaysSo() {
        String learner = fixtures.learner();
        signIn(learner);
        assertThat(browser.path()).isEqualTo("/sessions");
        browser.signOut();
        assertThat(browser.path()).isEqualTo("/login?signedOut");
        assertThat(browser.text()).contains("You are signed out.");
        browser.visit("/me/registrations");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aWrongPasswordIsSaidOnTheSignInPage() {
        browser.signIn(fixtures.learner(), "not-the-password");
        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text()).contains("That username and password do not match");
    }
}
