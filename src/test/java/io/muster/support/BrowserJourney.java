package io.muster.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user journey in a real browser on the whole application: one Chromium per test class, signed
 * out and at desktop width before each test.
 */
@IntegrationTest
public abstract class BrowserJourney {

    protected static Browser browser;

    @LocalServerPort
    protected int port;
    @Autowired
    protected Api api;
    @Autowired
    protected Fixtures fixtures;

    @BeforeAll
    static void needsBrowser() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void signedOut() {
        if (browser == null) {
            browser = Browser.open("http://localhost:" + port);
        }
        browser.clearCookies();
        browser.width(1440);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    protected Browser signIn(String username) {
        return browser.signIn(username, Api.passwordOf(username));
    }
}
