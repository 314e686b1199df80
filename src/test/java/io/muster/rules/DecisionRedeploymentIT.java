package io.muster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * An analyst deploys a changed decision table the way Camunda Modeler does (POST
 * /engine-rest/deployment/create) and the very next request uses it, with no restart.
 */
@IntegrationTest
class DecisionRedeploymentIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestRestTemplate rest;

    private int deploy(String analyst, String fileName, String xml) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "analyst-change");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("data", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(analyst, Api.passwordOf(analyst));
        return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
                String.class).getStatusCode().value();
    }

    private static String original(String key) throws Exception {
        return Files.readString(Path.of("dmn", key + ".dmn"));
    }

    @Test
    void aChangedEligibilityTableRefusesTheNextBookingAndTheRestoredOneAllowsIt() throws Exception {
        String analyst = api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of());
        long session = fixtures.session(5, false, false);
        String original = original(Decisions.REGISTRATION_ELIGIBILITY);
        // the analyst changes the catch-all row's outcome: every booking is refused, with a reason
        String paused = original.replaceFirst("(?s)(<rule id=\"rule_register\">.*?<outputEntry[^>]*>\\s*<text>)\"REGISTER\"",
                "$1\"REJECT\"").replace("Registration needs no approval", "Bookings are paused");
        assertThat(paused).isNotEqualTo(original);

        assertThat(deploy(analyst, "registration-eligibility.dmn", paused)).isEqualTo(200);
        try {
            Api.Response refused = fixtures.book(fixtures.learner(), session);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("detail").asText()).isEqualTo("Bookings are paused");
        } finally {
            assertThat(deploy(analyst, "registration-eligibility.dmn", original)).isEqualTo(200);
        }
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(201);
    }

    @Test
    void aChangedVisibilityTableChangesTheCalendarAtOnceDespiteTheCache() throws Exception {
        String analyst = api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of());
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        assertThat(calendarHas(learner, session)).isTrue();
        String original = original(Decisions.SESSION_VISIBILITY);
        String hidden = original.replaceFirst("(?s)(<rule id=\"rule_visible\">.*?<outputEntry[^>]*>\\s*<text>)true", "$1false");
        assertThat(hidden).isNotEqualTo(original);

        assertThat(deploy(analyst, "session-visibility.dmn", hidden)).isEqualTo(200);
        try {
            assertThat(calendarHas(learner, session)).isFalse();
        } finally {
            assertThat(deploy(analyst, "session-visibility.dmn", original)).isEqualTo(200);
        }
        assertThat(calendarHas(learner, session)).isTrue();
    }

    private boolean calendarHas(String learner, long session) {
        for (var entry : fixtures.calendar(learner)) {
            if (entry.get("id").asLong() == session) {
                return true;
            }
        }
        return false;
    }
}
