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
