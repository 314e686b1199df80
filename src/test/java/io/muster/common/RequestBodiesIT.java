package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** A body of the wrong shape says what was expected; a body over the limit is 413 with the limit named. */
@IntegrationTest
class RequestBodiesIT {

    @LocalServerPort
    int port;
    @Autowired
    Api api;

    @Test
    void anArrayWhereAnObjectIsExpectedSaysSo() {
        Api.Response r = api.exchange(Api.ADMIN, Api.ADMIN_PASSWORD, HttpMethod.POST, "/api/courses", "[1, 2]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("detail").asText()).isEqualTo("The request body must be a JSON object, not an array");
    }

    @Test
    void aBodyOverTheLimitIs413WithTheLimitNamedAndChangesNothing() throws Exception {
        String big = "{\"code\":\"BIG\",\"title\":\"" + "x".repeat(1_500_000) + "\"}";
        long coursesBefore = api.asAdmin(HttpMethod.GET, "/api/courses", null).body().size();
        HttpResponse<String> sized = send(HttpRequest.BodyPublishers.ofString(big));
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(sized.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(sized.body()).contains("The request body is larger than 1 MB");

        // sent without its length, the body is counted as it is read
        HttpResponse<String> chunked = send(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("The request body is larger than 1 MB");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/courses", null).body().size()).isEqualTo(coursesBefore);
    }

    @Test
    void aPageFormOverTheLimitAnswersTheErrorPageNamingIt() {
        String learner = api.createPerson(Api.unique("learner"), io.muster.security.MusterGroups.LEARNERS, Map.of());
        PageClient pages = new PageClient("http://localhost:" + port).signIn(learner, Api.passwordOf(learner));
        HttpResponse<String> page = pages.post("/me/courses", "/me/enrolment-keys", Map.of("code", "k".repeat(1_500_000)));
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("The request body is larger than 1 MB").contains("<h1");
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/courses")).header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
