package io.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PeopleApiIT {

    @Autowired Api api;
    @Autowired PersonRepository people;
    @Autowired IdentityService identityService;

    private Map<String, Object> person(String username) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", "s3cret-pass",
                "name", "Jane Doe", "email", username + "@example.org", "department", "Ops", "jobRole", "Nurse",
                "location", "Leeds", "employmentType", "SUBCONTRACTOR", "timeZone", "Europe/Berlin"));
        body.put("profileFields", Map.of("site", "North"));
        return body;
    }

    @Test
    void adminCreatesAPersonWithACamundaLoginInGroupLearners() {
        String username = Api.unique("jane");
        Api.Response created = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people", person(username));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().getLocation()).hasPath("/api/people/" + username);
        assertThat(created.body().get("employmentType").asText()).isEqualTo("SUBCONTRACTOR");
        assertThat(created.body().get("profileFields").get("site").asText()).isEqualTo("North");
        assertThat(created.body().get("groups").toString()).isEqualTo("[\"learners\"]");
        assertThat(created.text()).doesNotContain("s3cret-pass");
        assertThat(identityService.checkPassword(username, "s3cret-pass")).isTrue();
        assertThat(identityService.createUserQuery().userId(username).singleResult().getEmail())
                .isEqualTo(username + "@example.org");
        // the new login works at once, and the person reads their own profile
        assertThat(api.get(username, "s3cret-pass", "/api/people/" + username).status()).isEqualTo(200);
    }

    @Test
    void groupsAndManagerAreTakenFromTheRequest() {
        String manager = api.createPerson(Api.unique("boss"), MusterGroups.APPROVERS, Map.of());
        String username = Api.unique("trainee");
        Map<String, Object> body = person(username);
        body.put("managerUsername", manager);
        body.put("groups", List.of(MusterGroups.TRAINERS, MusterGroups.LEARNERS));

        Api.Response created = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("managerUsername").asText()).isEqualTo(manager);
        assertThat(identityService.createGroupQuery().groupMember(username).count()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        Map<String, Map<String, Object>> cases = Map.of(
                "email", Map.of("email", "not-an-email"),
                "timeZone", Map.of("timeZone", "Mars/Olympus"),
                "username", Map.of("username", "Bad Name!"),
                "password", Map.of("password", "short"),
                "employmentType", Map.of("employmentType", "PIRATE"),
                "managerUsername", Map.of("managerUsername", "nobody-here"),
                "groups", Map.of("groups", List.of("wizards")),
                "name", Map.of("name", "x".repeat(5000)));
        cases.forEach((field, change) -> {
            String username = Api.unique("bad");
            Map<String, Object> body = person(username);
            body.putAll(change);
            Api.Response r = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people", body);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.contentType()).as(field).startsWith("application/problem+json");
            assertThat(r.text()).as(field).contains("\"field\":\"" + field + "\"");
            String stored = change.containsKey("username") ? (String) change.get("username") : username;
            assertThat(people.existsByUsername(stored)).as(field).isFalse();
            assertThat(identityService.createUserQuery().userId(stored).count()).as(field).isZero();
        });
    }

    @Test
    void malformedJsonAndUnknownFieldsAreRefused() {
        Api.Response malformed = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people", "{\"username\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("title").asText()).isEqualTo("Malformed request body");

        Map<String, Object> body = person(Api.unique("extra"));
        body.put("isAdmin", true);
        Api.Response unknown = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people", body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("\"field\":\"isAdmin\"");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        String username = api.createPerson(Api.unique("twin"), MusterGroups.LEARNERS, Map.of());
        Api.Response again = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people", person(username));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("\"field\":\"username\"");
    }

    @Test
    void adminEditsTheProfileAndTheCamundaUserFollows() {
        String username = api.createPerson(Api.unique("mover"), MusterGroups.LEARNERS, Map.of());
        Map<String, Object> update = new HashMap<>(Map.of("name", "Moved Person", "email", "moved@example.org",
                "department", "Finance", "jobRole", "Analyst", "location", "York", "employmentType", "EMPLOYEE",
                "timeZone", "America/New_York"));
        Api.Response r = api.put(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people/" + username, update);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("department").asText()).isEqualTo("Finance");
        assertThat(people.findByUsername(username).orElseThrow().getTimeZone()).isEqualTo("America/New_York");
        assertThat(identityService.createUserQuery().userId(username).singleResult().getEmail())
                .isEqualTo("moved@example.org");
    }

    @Test
    void learnersReadOnlyThemselvesAndChangeNobody() {
        String me = api.createPerson(Api.unique("me"), MusterGroups.LEARNERS, Map.of());
        String other = api.createPerson(Api.unique("other"), MusterGroups.LEARNERS, Map.of());

        assertThat(api.get(me, Api.passwordOf(me), "/api/people/" + other).status()).isEqualTo(403);
        assertThat(api.post(me, Api.passwordOf(me), "/api/people", person(Api.unique("new"))).status())
                .isEqualTo(403);
        Map<String, Object> update = Map.of("name", "Hacked", "email", "h@example.org", "employmentType", "EMPLOYEE",
                "timeZone", "UTC");
        assertThat(api.put(me, Api.passwordOf(me), "/api/people/" + me, update).status()).isEqualTo(403);
        assertThat(people.findByUsername(me).orElseThrow().getName()).isNotEqualTo("Hacked");
    }

    @Test
    void anUnknownPersonIs404() {
        Api.Response r = api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people/nobody-at-all");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
