package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import org.junit.jupiter.api.Test;

/** A coordinator sees who waits for approval, per session, and opens the task in Tasklist. */
class ApprovalsJourneyIT extends BrowserJourney {

    @Test
    void theApprovalsPageListsAWaitingRegistrationUnderItsSessionWithItsApproverAndTasklistLink() {
        var waiting = fixtures.bookingAwaitingApproval();
        String approver = waiting.approver();
        String learner = waiting.learner();
        String title = waiting.sessionTitle();
        String taskId = api.get(approver, Api.passwordOf(approver),
                "/engine-rest/task?processDefinitionKey=registration&taskDefinitionKey=user_approve_registration"
                + "&processInstanceBusinessKey=" + waiting.registration())
                .body().get(0).get("id").asText();

        String manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        signIn(manager);
        browser.visit("/admin/approvals");
        assertThat(browser.heading()).isEqualTo("Waiting for approval");
        assertThat(browser.text()).contains(title).contains("Test " + learner).contains(approver);
        assertThat(browser.driver().findElement(org.openqa.selenium.By.cssSelector(
                "a[aria-label='Open in Tasklist: the approval of Test " + learner + "']")).getAttribute("href"))
                .endsWith("/camunda/app/tasklist/default/#/?task=" + taskId);

        browser.clearCookies();
        signIn(learner);
        browser.visit("/admin/approvals");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        assertThat(browser.text()).doesNotContain(title);
    }
}
