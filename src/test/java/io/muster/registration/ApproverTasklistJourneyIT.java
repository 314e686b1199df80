package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import io.muster.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An approver signs in to Camunda's own Tasklist and finds the request waiting for them on its
 * first screen, named for whose request and which session. Tasklist is Camunda's page, not
 * Muster's, so axe-core is not run on it here.
 */
class ApproverTasklistJourneyIT extends BrowserJourney {

    @Test
    void anApproverFindsTheRequestNamedForTheLearnerAndSessionOnTasklistsFirstScreen() {
        Fixtures.AwaitingApproval waiting = fixtures.bookingAwaitingApproval();
        WebDriver driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));

        driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(waiting.approver());
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(Api.passwordOf(waiting.approver()));
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();

        String task = "Approve: Test " + waiting.learner() + " — " + waiting.sessionTitle();
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(task));
        String screen = driver.findElement(By.tagName("body")).getText();
        assertThat(screen).contains("My approvals");
        assertThat(screen.indexOf("My approvals")).as("the first filter listed")
                .isLessThan(screen.indexOf("My work"));
    }
}
