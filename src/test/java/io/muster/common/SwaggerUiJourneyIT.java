package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.muster.support.Api;
import io.muster.support.BrowserJourney;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A developer reads the API in Swagger UI and tries an operation: the document loads under the
 * same Content-Security-Policy as every answer, "Authorize" takes a Muster login, and the request
 * Swagger UI then sends carries it. Swagger UI is springdoc's page, not Muster's, so axe-core does
 * not judge it here.
 */
class SwaggerUiJourneyIT extends BrowserJourney {

    @Test
    void aDeveloperAuthorizesInSwaggerUiAndTriesAnOperation() {
        WebDriver driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // the browser answers the page's HTTP Basic prompt, as a developer does
        ((HasAuthentication) driver).register(UsernameAndPassword.of(Api.ADMIN, Api.ADMIN_PASSWORD));
        driver.get("http://localhost:" + port + "/swagger-ui.html");
        WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".info .title")));
        assertThat(title.getText()).startsWith("Muster API");
        assertThat(driver.findElements(By.cssSelector(".opblock-tag"))).extracting(WebElement::getText)
                .anySatisfy(tag -> assertThat(tag).startsWith("Sessions"));

        driver.findElement(By.cssSelector("button.authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        dialog.findElement(By.cssSelector("input[type=text]")).sendKeys(Api.ADMIN);
        dialog.findElement(By.cssSelector("input[type=password]")).sendKeys(Api.ADMIN_PASSWORD);
        dialog.findElement(By.cssSelector("button.authorize")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(dialog, "Authorized"));
        dialog.findElement(By.cssSelector("button.btn-done")).click();

        WebElement operation = driver.findElements(By.cssSelector(".opblock-get")).stream()
                .filter(block -> block.findElement(By.cssSelector(".opblock-summary-path")).getText()
                        .equals("/api/courses"))
                .findFirst().orElseThrow();
        operation.findElement(By.cssSelector(".opblock-summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector(".try-out__btn"))))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(operation.findElement(By.cssSelector("button.execute"))))
                .click();
        WebElement status = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(operation,
                By.cssSelector(".live-responses-table tr.response .response-col_status")));
        assertThat(status.getText()).isEqualTo("200");
        assertThat(operation.findElement(By.cssSelector(".curl-command")).getText())
                .as("the request Swagger UI sent carries the login given to Authorize")
                .contains("Authorization: Basic");
    }
}
