package io.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every kind of answer carries the headers that keep browsers from sniffing, framing or downgrading it. */
@IntegrationTest
class SecurityHeadersIT {

    @LocalServerPort
    int port;
    @Autowired
    Api api;

    @Test
    void pagesErrorPagesAssetsAndTheApiAreNeitherSniffedNorFramedAndPagesCarryAPolicy() {
        String learner = api.createPerson(Api.unique("learner"), MusterGroups.LEARNERS, Map.of());
        PageClient pages = new PageClient("http://localhost:" + port).signIn(learner, Api.passwordOf(learner));
        for (String path : List.of("/sessions", "/no-such-page", "/login")) {
            HttpHeaders headers = pages.get(path).headers();
            assertNotSniffedNorFramed(path, headers);
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        }
        assertNotSniffedNorFramed("/assets/css/muster.css", pages.get("/assets/css/muster.css").headers());
        for (String path : List.of("/api/me/sessions", "/api/no-such-thing")) {
            assertNotSniffedNorFramed(path, HttpHeaders.of(api.get(learner, Api.passwordOf(learner), path).headers(),
                    (name, value) -> true));
        }
    }

    @Test
    void overHttpsBehindTheProxyBrowsersAreToldToStayOnHttpsButNotOverPlainHttp() {
        PageClient pages = new PageClient("http://localhost:" + port);
        HttpResponse<String> secure = pages.get("/login", "X-Forwarded-Proto", "https");
        assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age="));
        assertThat(pages.get("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static void assertNotSniffedNorFramed(String path, HttpHeaders headers) {
        assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValueSatisfying(value ->
                assertThat(value).isIn("DENY", "SAMEORIGIN"));
    }
}
