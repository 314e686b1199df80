package io.muster.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, with
 * axe-core run on every page it lands on: a serious or critical violation fails the test. Nothing
 * is downloaded: the browser and its driver are the system's. Without them the test is skipped with
 * a message, except in CI ({@code CI=true}), where a missing browser fails it.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("muster.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("muster.chromedriver", "/usr/bin/chromedriver"));
    private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");

    /** Every checked page is kept as a picture here, so a failed journey in CI can be looked at. */
    private static final Path SCREENSHOTS = Path.of("target", "journeys");
    private static final java.util.concurrent.atomic.AtomicInteger SHOTS = new java.util.concurrent.atomic.AtomicInteger();

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Skips the calling test where no Chromium is installed; in CI that is a failure instead. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with 'apt-get install chromium chromium-driver' (Debian)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    public static Browser open(String baseUrl) {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--lang=en-GB", "--window-size=1440,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of Muster and checks it with axe-core. */
    public Browser visit(String path) {
        driver.get(baseUrl + path);
        return checked();
    }

    public Browser signIn(String username, String password) {
        visit("/login");
        return submitSignIn(username, password);
    }

    /** Fills the sign-in form already on screen (after a redirect to it) and signs in. */
    public Browser submitSignIn(String username, String password) {
        field("Username").sendKeys(username);
        field("Password").sendKeys(password);
        return click("Sign in");
    }

    public Browser signOut() {
        return click("Sign out");
    }

    /**
     * Clicks the button (or the link) with exactly this name, waits for the next page (or, where
     * htmx answers in place, for the address to change) and checks it.
     */
    public Browser click(String name) {
        WebElement target = buttonOrLink(name);
        WebElement page = driver.findElement(By.tagName("html"));
        String before = driver.getCurrentUrl();
        target.click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> isStale(page) || !before.equals(d.getCurrentUrl()));
        return checked();
    }

    public List<WebElement> buttons(String name) {
        return driver.findElements(By.xpath("//button[normalize-space()=" + literal(name) + "]"));
    }

    public WebElement buttonOrLink(String name) {
        List<WebElement> found = driver.findElements(By.xpath("//button[normalize-space()=" + literal(name)
                + "] | //a[normalize-space()=" + literal(name) + "]"));
        assertThat(found).as("a button or link named '%s' on %s", name, driver.getCurrentUrl()).isNotEmpty();
        return found.get(0);
    }

    /** Sets a field's value as a date picker would: typing into date and time inputs depends on the locale. */
    public void setValue(WebElement field, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    /** Ticks the checkbox whose accessible name is exactly this. */
    public void tick(String name) {
        driver.findElement(By.xpath("//input[@type='checkbox' and @aria-label=" + literal(name) + "]")).click();
    }

    /** The control whose label reads exactly this. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public Browser width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        return this;
    }

    /** True when the page is no wider than the window: nothing to scroll sideways. */
    public boolean fitsWidth() {
        Object fits = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    public Browser waitUntil(java.util.function.Predicate<Browser> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.test(this));
        return this;
    }

    /** Runs axe-core on the page as it is now; fails on any serious or critical violation. */
    public Browser checked() {
        String name = path().replaceAll("[^A-Za-z0-9]+", "_");
        screenshot(SCREENSHOTS.resolve(String.format("%03d%s.png", SHOTS.incrementAndGet(), name)));
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(v -> BLOCKING_IMPACTS.contains(v.getImpact())).toList();
        if (!blocking.isEmpty()) {
            fail("axe-core on " + driver.getCurrentUrl() + ":\n" + blocking.stream()
                    .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
        return this;
    }

    public void screenshot(Path file) {
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(file.getParent());
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void clearCookies() {
        driver.manage().deleteAllCookies();
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            // stale, or (mid-navigation) "node does not belong to the document": either way the page has gone
            return true;
        }
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
