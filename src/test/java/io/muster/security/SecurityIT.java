package io.muster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import io.muster.support.PageClient;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT {

    @Autowired Api api;
    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired LockExpiry lockExpiry;
    @Autowired AuthorizationService authorizationService;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    @Autowired io.muster.support.Fixtures fixtures;

    @Test
    void tasklistOpensForAnApproverOnMyApprovalsWhichCountsAndNamesTheApprovalWaitingForThem() {
        var waiting = fixtures.bookingAwaitingApproval();
        String approver = waiting.approver();
        String learner = waiting.learner();
        String title = waiting.sessionTitle();

        com.fasterxml.jackson.databind.JsonNode first = firstFilterOf(approver);
        assertThat(first.get("name").asText()).isEqualTo(IdentitySetup.MY_APPROVALS);
        String id = first.get("id").asText();
        // their own learner's request, and any waiting for the approvers group they are in
        com.fasterxml.jackson.databind.JsonNode tasks = api.get(approver, Api.passwordOf(approver),
                "/engine-rest/filter/" + id + "/list").body();
        assertThat(api.get(approver, Api.passwordOf(approver), "/engine-rest/filter/" + id + "/count").body()
                .get("count").asInt()).isEqualTo(tasks.size());
        com.fasterxml.jackson.databind.JsonNode task = java.util.stream.StreamSupport.stream(tasks.spliterator(), false)
                .filter(t -> t.get("name").asText().startsWith("Approve: Test " + learner + " — "))
                .findFirst().orElseThrow();
        assertThat(task.get("name").asText()).startsWith("Approve: Test " + learner + " — " + title + ", ");
        assertThat(task.get("description").asText()).isNotBlank();

        // a trainer approves nothing: Tasklist opens on everything waiting for them instead
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        assertThat(firstFilterOf(trainer).get("name").asText()).isEqualTo(IdentitySetup.MY_WORK);
    }

    /** Tasklist lists the filters the person may read and opens the one of lowest priority. */
    private com.fasterxml.jackson.databind.JsonNode firstFilterOf(String user) {
        List<com.fasterxml.jackson.databind.JsonNode> filters = new java.util.ArrayList<>();
        api.get(user, Api.passwordOf(user), "/engine-rest/filter?resourceType=Task").body().forEach(filters::add);
        return filters.stream()
                .min(java.util.Comparator.comparingInt(f -> f.path("properties").path("priority").asInt())).orElseThrow();
    }

    @Test
    void healthIsOpenWithoutLogin() {
        assertThat(api.get(null, null, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void apiAndEngineRestAndApiDocsWithoutCredentialsAnswer401AsProblemJson() {
        for (String path : List.of("/api/courses", "/engine-rest/task", "/engine-rest/engine", "/v3/api-docs")) {
            Api.Response r = api.get(null, null, path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        // Camunda throttles a user's logins after a wrong password, so this uses a user of its own.
        String user = api.createPerson(Api.unique("typo"), MusterGroups.LEARNERS, Map.of());
        assertThat(api.get(user, "not-the-password", "/api/courses").status()).isEqualTo(401);
        assertThat(api.get(user, "not-the-password", "/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsDelayThenLockTheAccountOnTheApiAndThePagesUntilTheLockPasses() {
        String user = api.createPerson(Api.unique("locked"), MusterGroups.LEARNERS, Map.of());
        String password = Api.passwordOf(user);
        String path = "/api/me/sessions";
        String base = rest.getRootUri();
        assertThat(api.get(user, password, path).status()).isEqualTo(200);

        assertThat(api.get(user, "not-the-password", path).status()).isEqualTo(401);
        assertThat(api.get(user, password, path).status()).as("the right password, while delayed").isEqualTo(401);
        try {
            Instant now = Instant.now();
            for (int attempt = 2; attempt <= 10; attempt++) {
                now = now.plusSeconds(61);
                ClockUtil.setCurrentTime(Date.from(now));
                assertThat(api.get(user, "not-the-password", path).status()).isEqualTo(401);
            }
            ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(10))));
            assertThat(lockExpiry.unlockExpired()).doesNotContain(user);
            assertThat(api.get(user, password, path).status()).as("locked, ten minutes later").isEqualTo(401);
            assertThatThrownBy(() -> new PageClient(base).signIn(user, password)).hasMessageContaining("failed");

            // the lock (15 minutes) passes by itself
            ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofMinutes(20))));
            lockExpiry.unlockExpired();
            assertThat(api.get(user, password, path).status()).as("the lock has passed").isEqualTo(200);
            new PageClient(base).signIn(user, password);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void passwordsNeverReachTheLog(CapturedOutput output) {
        String password = "Unmistakable-" + Api.unique("pw");
        String user = api.createPerson(Api.unique("secretive"), MusterGroups.LEARNERS, Map.of("password", password));
        assertThat(api.get(user, password, "/api/me/sessions").status()).isEqualTo(200);
        new PageClient(rest.getRootUri()).signIn(user, password);
        assertThat(api.get(user, password + "-typo", "/api/me/sessions").status()).isEqualTo(401);
        assertThat(api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/people", Map.of("username", user, "password", password,
                "name", "Sam Again", "email", user + "@example.org", "employmentType", "EMPLOYEE",
                "timeZone", "Europe/London")).status()).isIn(400, 409);

        assertThat(output.getAll()).doesNotContain(password);
    }

    @Test
    void musterGroupsExistAtStart() {
        assertThat(identityService.createGroupQuery().groupIdIn(MusterGroups.ALL.toArray(String[]::new)).count())
                .isEqualTo(MusterGroups.ALL.size());
    }

    @Test
    void camundaAdminFromAdminUserPropertiesIsMusterAdmin() {
        assertThat(identityService.createGroupQuery().groupMember(Api.ADMIN).groupId(MusterGroups.CAMUNDA_ADMIN)
                .count()).isOne();
        Api.Response r = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses", Map.of("code", Api.unique("SEC"),
                "title", "Security course", "kind", "ILT", "required", false, "enrolmentMethod", "SELF"));
        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void musterAdminsGroupGrantsAdminApiAndFullCamundaAccess() {
        String admin = api.createPerson(Api.unique("madmin"), MusterGroups.ADMINS, Map.of());
        Api.Response r = api.post(admin, Api.passwordOf(admin), "/api/courses", Map.of("code", Api.unique("MA"),
                "title", "Admin course", "kind", "ILT", "required", false, "enrolmentMethod", "SELF"));
        assertThat(r.status()).isEqualTo(201);
        List<String> groups = List.of(MusterGroups.ADMINS);
        for (String app : List.of("cockpit", "tasklist", "admin")) {
            assertThat(authorizationService.isUserAuthorized(admin, groups, Permissions.ACCESS, Resources.APPLICATION,
                    app)).as(app).isTrue();
        }
        assertThat(api.get(admin, Api.passwordOf(admin), "/engine-rest/user").status()).isEqualTo(200);
    }

    @Test
    void aLearnerIsRefusedAnAdminOperationBeforeItsFieldsAreChecked() {
        String learner = api.createPerson(Api.unique("learner"), MusterGroups.LEARNERS, Map.of());
        for (String path : List.of("/api/sessions", "/api/courses", "/api/people", "/api/segments")) {
            Api.Response refused = api.post(learner, Api.passwordOf(learner), path, Map.of());
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).as(path).doesNotContain("errors").doesNotContain("must not");
        }
        Api.Response broken = api.exchange(learner, Api.passwordOf(learner), org.springframework.http.HttpMethod.POST,
                "/api/sessions", "{not json");
        assertThat(broken.status()).isEqualTo(403);
    }

    @Test
    void learnersHaveNoWebappAccessAndNoAdminApi() {
        String learner = api.createPerson(Api.unique("learner"), MusterGroups.LEARNERS, Map.of());
        List<String> groups = List.of(MusterGroups.LEARNERS);
        for (String app : List.of("cockpit", "tasklist", "admin")) {
            assertThat(authorizationService.isUserAuthorized(learner, groups, Permissions.ACCESS,
                    Resources.APPLICATION, app)).as(app).isFalse();
        }
        Api.Response create = api.post(learner, Api.passwordOf(learner), "/api/courses", Map.of("code", "X",
                "title", "X", "kind", "ILT", "required", false, "enrolmentMethod", "SELF"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(api.get(learner, Api.passwordOf(learner), "/engine-rest/user").body()).hasSize(1);
        assertThat(api.get(learner, Api.passwordOf(learner), "/engine-rest/authorization").body()).isEmpty();
    }

    @Test
    void approversAndTrainersUseTasklistButNotCockpit() {
        for (String group : List.of(MusterGroups.APPROVERS, MusterGroups.TRAINERS)) {
            String user = api.createPerson(Api.unique(group), group, Map.of());
            assertThat(authorizationService.isUserAuthorized(user, List.of(group), Permissions.ACCESS,
                    Resources.APPLICATION, "tasklist")).isTrue();
            assertThat(authorizationService.isUserAuthorized(user, List.of(group), Permissions.ACCESS,
                    Resources.APPLICATION, "cockpit")).isFalse();
            assertThat(api.get(user, Api.passwordOf(user), "/engine-rest/filter").body()).isNotEmpty();
        }
    }

    @Test
    void anApproverSeesOnlyTheTasksTheyAreCandidateFor() {
        String mine = api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS, Map.of());
        String other = api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS, Map.of());
        String key = Api.unique("security_probe");
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().userTask("user_probe").camundaCandidateUsers("${approver}").endEvent().done();
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        runtimeService.startProcessInstanceByKey(key, Map.of("approver", mine));
        runtimeService.startProcessInstanceByKey(key, Map.of("approver", other));

        Api.Response tasks = api.get(mine, Api.passwordOf(mine), "/engine-rest/task?processDefinitionKey=" + key);
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.body()).hasSize(1);
        String taskId = tasks.body().get(0).get("id").asText();
        assertThat(api.get(mine, Api.passwordOf(mine), "/engine-rest/task/" + taskId + "/identity-links").text())
                .contains(mine).doesNotContain(other);
        assertThat(api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/engine-rest/task?processDefinitionKey=" + key).body())
                .hasSize(2);
    }

    @Test
    void analystsMayDeployDecisionsThroughEngineRestButLearnersMayNot() {
        String analyst = api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of());
        String learner = api.createPerson(Api.unique("learner"), MusterGroups.LEARNERS, Map.of());
        String decision = Api.unique("probe_decision");
        assertThat(deployDecision(learner, decision).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> deployed = deployDecision(analyst, decision);
        assertThat(deployed.getStatusCode().value()).isEqualTo(200);
        Api.Response read = api.get(analyst, Api.passwordOf(analyst), "/engine-rest/decision-definition?key=" + decision);
        assertThat(read.body()).hasSize(1);
        // reading decisions is not reading everything
        assertThat(api.get(analyst, Api.passwordOf(analyst), "/engine-rest/user").body()).hasSize(1);
    }

    @Test
    void passwordsAreNeverReturned() {
        String user = Api.unique("secret");
        api.createPerson(user, MusterGroups.LEARNERS, Map.of());
        Api.Response own = api.get(user, Api.passwordOf(user), "/api/people/" + user);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text()).doesNotContain(Api.passwordOf(user)).doesNotContain("password");
    }

    @Test
    void browserFormsNeedACsrfToken() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", Api.ADMIN);
        form.add("password", Api.ADMIN_PASSWORD);
        ResponseEntity<String> login = rest.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void cockpitLogsInWithTheSameAccountAndItsCsrfTokenAndRefusesLearners() {
        String learner = api.createPerson(Api.unique("learner"), MusterGroups.LEARNERS, Map.of());
        // without the webapp's CSRF token the login is refused
        assertThat(cockpitLogin(Api.ADMIN, Api.ADMIN_PASSWORD, false).getStatusCode().value()).isEqualTo(403);
        assertThat(cockpitLogin(Api.ADMIN, Api.ADMIN_PASSWORD, true).getStatusCode().value()).isEqualTo(200);
        // a learner's password is right, but the learner has no Cockpit access
        assertThat(cockpitLogin(learner, Api.passwordOf(learner), true).getStatusCode().value()).isEqualTo(403);
    }

    /** Opens Cockpit in a fresh browser session, then signs in as a browser would. */
    private ResponseEntity<String> cockpitLogin(String user, String password, boolean withToken) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/default/", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + xsrf);
        if (withToken) {
            headers.add("X-XSRF-TOKEN", xsrf);
        }
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return rest.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit", new HttpEntity<>(form, headers),
                String.class);
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private ResponseEntity<String> deployDecision(String user, String key) {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d_%1$s" name="probe"
                    namespace="http://camunda.org/schema/1.0/dmn"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn">
                  <decision id="%1$s" name="Probe" camunda:historyTimeToLive="1">
                    <decisionTable id="table_%1$s">
                      <input id="input_x"><inputExpression id="expr_x" typeRef="string"><text>x</text></inputExpression></input>
                      <output id="output_y" name="y" typeRef="string"/>
                      <rule id="rule_any"><inputEntry id="entry_x"><text></text></inputEntry>
                        <outputEntry id="entry_y"><text>"ok"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(key);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", key);
        parts.add("data", new ByteArrayResource(dmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return key + ".dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(user, Api.passwordOf(user));
        return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
                String.class);
    }
}
