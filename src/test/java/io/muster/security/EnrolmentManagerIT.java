package io.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Seed 000's role split: admins configure courses and sessions; enrolment managers manage enrolments and rosters. */
@IntegrationTest
class EnrolmentManagerIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired AuthorizationService authorizationService;

    private String manager() {
        return api.createPerson(Api.unique("enrolmgr"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
    }

    private Api.Response as(String user, HttpMethod method, String path, Object body) {
        return api.exchange(user, Api.passwordOf(user), method, path, body);
    }

    @Test
    void theEnrolmentManagersGroupExistsAtStartWithoutWebappAccess() {
        String manager = manager();
        assertThat(MusterGroups.ALL).contains(MusterGroups.ENROLMENT_MANAGERS);
        for (String app : List.of("cockpit", "tasklist", "admin")) {
            assertThat(authorizationService.isUserAuthorized(manager, List.of(MusterGroups.ENROLMENT_MANAGERS),
                    Permissions.ACCESS, Resources.APPLICATION, app)).as(app).isFalse();
        }
    }

    @Test
    void anEnrolmentManagerConfiguresNoCourseAndNoSession() {
        String manager = manager();
        long course = fixtures.course("SELF");
        long session = fixtures.session(course, 5, false, false, Map.of());
        JsonNode current = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body();
        Map<String, Object> courseBody = Map.of("code", Api.unique("EM"), "title", "Not mine", "kind", "ILT",
                "required", false, "enrolmentMethod", "SELF");
        Map<String, Object> sessionBody = new HashMap<>(Map.of("courseId", course, "title", "Changed",
                "startsAt", current.get("startsAt").asText(), "timeZone", "Europe/London", "durationMinutes", 60,
                "type", "IN_PERSON", "location", "Room 9", "waitingList", false, "capacity", 50));

        assertThat(as(manager, HttpMethod.POST, "/api/courses", courseBody).status()).isEqualTo(403);
        assertThat(as(manager, HttpMethod.PUT, "/api/courses/" + course, courseBody).status()).isEqualTo(403);
        assertThat(as(manager, HttpMethod.POST, "/api/sessions", sessionBody).status()).isEqualTo(403);
        Api.Response edit = as(manager, HttpMethod.PUT, "/api/sessions/" + session, sessionBody);
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.contentType()).startsWith("application/problem+json");
        assertThat(as(manager, HttpMethod.POST, "/api/sessions/" + session + "/publish", null).status()).isEqualTo(403);
        assertThat(as(manager, HttpMethod.POST, "/api/sessions/" + session + "/cancel", Map.of("reason", "x")).status())
                .isEqualTo(403);
        assertThat(as(manager, HttpMethod.DELETE, "/api/sessions/" + session, null).status()).isEqualTo(403);
        String person = Api.unique("p");
        assertThat(as(manager, HttpMethod.POST, "/api/people", Map.of("username", person, "password", "long-enough",
                "name", "New Person", "email", person + "@example.org", "employmentType", "EMPLOYEE",
                "timeZone", "Europe/London")).status()).isEqualTo(403);
        // nothing changed, and reading the catalogue is allowed
        JsonNode after = as(manager, HttpMethod.GET, "/api/sessions/" + session, null).body();
        assertThat(after.get("title").asText()).isEqualTo(current.get("title").asText());
        assertThat(after.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(as(manager, HttpMethod.GET, "/api/sessions?q=" + current.get("title").asText(), null).body())
                .hasSize(1);
    }

    @Test
    void anEnrolmentManagerBooksCancelsAddsInviteesAndReadsAnyonesRegistrationsAndRosters() {
        String manager = manager();
        String learner = fixtures.learner();
        long session = fixtures.session(3, false, false);

        Api.Response booked = as(manager, HttpMethod.POST, "/api/sessions/" + session + "/registrations",
                Map.of("username", learner));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        long id = booked.body().get("id").asLong();
        JsonNode registration = as(manager, HttpMethod.GET, "/api/registrations/" + id, null).body();
        assertThat(registration.get("username").asText()).isEqualTo(learner);
        assertThat(registration.get("method").asText()).isEqualTo("ADMIN");
        JsonNode roster = as(manager, HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body();
        assertThat(roster.get("registrations")).hasSize(1);

        Api.Response cancelled = as(manager, HttpMethod.POST, "/api/registrations/" + id + "/cancel",
                Map.of("reason", "Booked by mistake"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");

        long draft = fixtures.draft(fixtures.course("SELF"), 3, false, false, Map.of());
        Api.Response invitees = as(manager, HttpMethod.POST, "/api/sessions/" + draft + "/invitees",
                Map.of("usernames", List.of(learner)));
        assertThat(invitees.status()).as(invitees.text()).isEqualTo(201);
        assertThat(invitees.body().get(0).get("status").asText()).isEqualTo("NOT_INVITED");
    }

    @Test
    void learnersAndTrainersMayNotChangeOrCopyRosters() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        String learner = fixtures.learner();
        String other = fixtures.learner();
        long course = fixtures.course("SELF");
        long session = fixtures.draft(course, 3, false, false, Map.of(), trainer);
        api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/publish", null);
        long target = fixtures.session(course, 3, false, false, Map.of());
        long id = fixtures.book(learner, session).body().get("id").asLong();
        Map<String, Object> cancel = Map.of("registrationIds", List.of(id), "status", "CANCELLED");
        Map<String, Object> copy = Map.of("targetSessionId", target, "registrationIds", List.of(id));

        for (String user : List.of(trainer, learner)) {
            Api.Response status = as(user, HttpMethod.POST, "/api/sessions/" + session + "/roster/status", cancel);
            assertThat(status.status()).as(user).isEqualTo(403);
            assertThat(status.contentType()).startsWith("application/problem+json");
            assertThat(as(user, HttpMethod.POST, "/api/sessions/" + session + "/roster/copy", copy).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(as(other, HttpMethod.POST, "/api/sessions/" + session + "/registrations",
                Map.of("username", learner)).status()).isEqualTo(403);
        assertThat(as(learner, HttpMethod.GET, "/api/sessions/" + session + "/roster", null).status()).isEqualTo(403);
        assertThat(fixtures.registration(learner, id).body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions/" + target + "/roster", null).body().get("registrations"))
                .isEmpty();
    }
}
