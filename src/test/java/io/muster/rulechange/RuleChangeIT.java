package io.muster.rulechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.rules.Decisions;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A preview says exactly what a deployed change then does: for each of the three tables, the
 * people a preview lists as gaining, losing or moving are those whose calendar, booking or next
 * auto-enrol run changes after the same table is deployed, and nobody else's. A preview deploys
 * nothing and records nothing; tables Muster cannot use are refused, each for its own reason.
 */
@IntegrationTest
class RuleChangeIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    private String analyst() {
        return api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of());
    }

    // ---- session-visibility

    @Test
    void aVisibilityPreviewListsExactlyWhoseCalendarsChangeOnceDeployed() {
        String analyst = analyst();
        String department = Api.unique("Dept");
        String p1 = fixtures.learner(Map.of("department", department));
        String p2 = fixtures.learner(Map.of("department", department));
        String control = fixtures.learner();
        long open = fixtures.session(5, false, false);
        long elsewhere = fixtures.session(fixtures.course("SELF"), 5, false, false,
                Map.of("departments", List.of(Api.unique("Elsewhere"))));
        // the department's people no longer see what was open to them, and see what was for other departments
        String changed = RuleTables.withInputExpression(RuleTables.original(Decisions.SESSION_VISIBILITY),
                "input_employment_type", "department", "string");
        changed = RuleTables.withFirstRule(changed, "rule_department_swap",
                new String[] {"", "", "true", "", "", "\"" + department + "\""},
                new String[] {"false", "\"Hidden from " + department + "\""});
        changed = RuleTables.withFirstRule(changed, "rule_department_sees_others",
                new String[] {"", "", "false", "", "", "\"" + department + "\""},
                new String[] {"true", "\"Open to " + department + "\""});

        Map<String, Set<Long>> before = calendars(p1, p2, control);
        long history = decisionHistory();
        long deployments = jdbc.queryForObject("select count(*) from act_re_deployment", Long.class);
        Moves moves = preview(analyst, Decisions.SESSION_VISIBILITY, changed);
        assertThat(decisionHistory()).as("a preview records no decision").isEqualTo(history);
        assertThat(jdbc.queryForObject("select count(*) from act_re_deployment", Long.class))
                .as("a preview deploys nothing").isEqualTo(deployments);

        assertThat(moves.people()).containsExactlyInAnyOrder(p1, p2);
        assertThat(moves.to(p1, "HIDDEN")).contains(open).isEqualTo(before.get(p1));
        assertThat(moves.to(p1, "VISIBLE")).contains(elsewhere).doesNotContainAnyElementsOf(before.get(p1));
        assertThat(moves.rules()).contains("rule_department_swap", "rule_department_sees_others");

        deployThenRestore(analyst, Decisions.SESSION_VISIBILITY, changed, () -> {
            Map<String, Set<Long>> after = calendars(p1, p2, control);
            for (String p : List.of(p1, p2)) {
                Set<Long> expected = new HashSet<>(before.get(p));
                expected.removeAll(moves.to(p, "HIDDEN"));
                expected.addAll(moves.to(p, "VISIBLE"));
                assertThat(after.get(p)).as(p).isEqualTo(expected);
            }
            assertThat(after.get(control)).isEqualTo(before.get(control));
        });
    }

    @Test
    void aChangeThatTouchesNobodyPreviewsNoChangeAndChangesNoCalendar() {
        String analyst = analyst();
        String learner = fixtures.learner();
        fixtures.session(5, false, false);
        String changed = RuleTables.withFirstRule(RuleTables.withInputExpression(
                RuleTables.original(Decisions.SESSION_VISIBILITY), "input_employment_type", "department", "string"),
                "rule_nobody", new String[] {"", "", "", "", "", "\"" + Api.unique("Nobody") + "\""},
                new String[] {"false", "\"Nobody is here\""});
        Set<Long> before = calendars(learner).get(learner);

        JsonNode preview = previewPage(analyst, Decisions.SESSION_VISIBILITY, changed, 0);
        assertThat(preview.get("total").asInt()).isZero();
        assertThat(preview.get("peopleChanged").asLong()).isZero();
        assertThat(preview.get("pairs").asLong()).isPositive();
        assertThat(preview.get("rules").get("added").findValuesAsText("id")).containsExactly("rule_nobody");
        assertThat(preview.get("rules").get("removed")).isEmpty();
        assertThat(preview.get("rules").get("changed")).isEmpty();

        deployThenRestore(analyst, Decisions.SESSION_VISIBILITY, changed,
                () -> assertThat(calendars(learner).get(learner)).isEqualTo(before));
    }

    // ---- registration-eligibility

    @Test
    void anEligibilityPreviewListsExactlyWhoseBookingsMoveOnceDeployed() {
        String analyst = analyst();
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.APPROVERS, Map.of());
        String l1 = fixtures.learner(Map.of("managerUsername", manager));
        String l2 = fixtures.learner(Map.of("managerUsername", manager));
        String control = fixtures.learner();
        long plain = fixtures.session(5, false, false);
        long approval = fixtures.session(5, false, true);
        long unseen = fixtures.session(fixtures.course("SELF"), 5, false, false,
                Map.of("departments", List.of(Api.unique("Elsewhere"))));
        String reason = "Bookings of " + manager + "'s team are paused";
        String changed = RuleTables.withFirstRule(RuleTables.withInputExpression(
                RuleTables.original(Decisions.REGISTRATION_ELIGIBILITY), "input_employment_type", "managerUsername",
                "string"), "rule_team_paused", new String[] {"", "", "", "", "", "\"" + manager + "\""},
                new String[] {"\"REJECT\"", "null", "null", "\"" + reason + "\""});

        Moves moves = preview(analyst, Decisions.REGISTRATION_ELIGIBILITY, changed);
        assertThat(moves.people()).containsExactlyInAnyOrder(l1, l2);
        assertThat(moves.of(plain)).containsEntry(l1, "REGISTER>REJECT").containsEntry(l2, "REGISTER>REJECT");
        assertThat(moves.of(approval)).containsEntry(l1, "NEEDS_APPROVAL>REJECT");
        assertThat(moves.of(unseen)).as("a session they do not see is not theirs to book").isEmpty();
        assertThat(moves.reasons()).contains(reason, "Your manager approves this session");

        deployThenRestore(analyst, Decisions.REGISTRATION_ELIGIBILITY, changed, () -> {
            Api.Response refused = fixtures.book(l1, plain);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("detail").asText()).isEqualTo(reason);
            assertThat(fixtures.book(l2, approval).status()).isEqualTo(403);
            assertThat(fixtures.book(l2, unseen).status()).isEqualTo(404);
            Api.Response unchanged = fixtures.book(control, plain);
            assertThat(unchanged.status()).isEqualTo(201);
            assertThat(unchanged.body().get("status").asText()).isEqualTo("REGISTERED");
        });
        Api.Response restored = fixtures.book(l1, approval);
        assertThat(restored.body().get("status").asText()).isEqualTo("NEEDS_APPROVAL");
    }

    // ---- auto-enrol-eligibility

    @Test
    void anAutoEnrolPreviewListsExactlyWhomTheNextRunStopsEnrollingOnceDeployed() {
        String analyst = analyst();
        long course = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("AE"),
                "title", Api.unique("Renewal "), "kind", "ILT", "required", true, "enrolmentMethod", "SELF",
                "validityMonths", 12)).body().get("id").asLong();
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/courses/" + course + "/auto-enrol", Map.of("enabled", true,
                "leadDays", 30, "includeSubcontractors", true)).status()).isEqualTo(200);
        String employee = fixtures.learner();
        String subcontractor = fixtures.learner(Map.of("employmentType", "SUBCONTRACTOR"));
        for (String who : List.of(employee, subcontractor)) {
            Instant expires = Instant.now().plus(Duration.ofDays(10));
            assertThat(api.asAdmin(HttpMethod.POST, "/api/training-records", Map.of("username", who, "courseId", course,
                    "completedAt", expires.minus(Duration.ofDays(365)).toString(), "expiresAt", expires.toString()))
                    .status()).isEqualTo(201);
        }
        String changed = RuleTables.withFirstRule(RuleTables.original(Decisions.AUTO_ENROL_ELIGIBILITY),
                "rule_subcontractors_renew_themselves",
                new String[] {"\"SUBCONTRACTOR\"", "", "", "", "\"EXPIRING\"", "", "", ""},
                new String[] {"false", "\"Sub-contractors renew on their own\""});
        long candidates = jdbc.queryForObject("select count(*) from auto_enrol_candidate", Long.class);

        Moves moves = preview(analyst, Decisions.AUTO_ENROL_ELIGIBILITY, changed);
        assertThat(jdbc.queryForObject("select count(*) from auto_enrol_candidate", Long.class)).isEqualTo(candidates);
        assertThat(moves.of(course)).containsExactly(Map.entry(subcontractor, "ENROL>NOT_ENROLLED"));
        assertThat(moves.rules()).contains("rule_subcontractors_renew_themselves", "rule_expiring");

        deployThenRestore(analyst, Decisions.AUTO_ENROL_ELIGIBILITY, changed, () -> {
            runAutoEnrol();
            assertThat(enrolledOn(employee, course)).isTrue();
            assertThat(enrolledOn(subcontractor, course)).isFalse();
        });
    }

    // ---- versions

    @Test
    void versionsSayWhoDeployedWhatAndWhyAndTheDiffNamesTheRulesAddedRemovedAndChanged() {
        String analyst = analyst();
        String original = RuleTables.original(Decisions.SESSION_VISIBILITY);
        String changed = RuleTables.withFirstRule(original.replace("\"Session has already started\"", "\"Already started\"")
                        .replaceFirst("(?s)<rule id=\"rule_other_locations\">.*?</rule>\\s*", ""),
                "rule_nothing", new String[] {"\"DRAFT\"", "", "", "", "", ""}, new String[] {"false", "\"Draft\""});
        Api.Response deployed = deploy(analyst, Decisions.SESSION_VISIBILITY, changed, "Drafts say so");
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        int mine = deployed.body().get("version").asInt();
        try {
            JsonNode versions = get(analyst, "/api/rules/session-visibility/versions");
            assertThat(versions.get(0).get("version").asInt()).isEqualTo(mine);
            assertThat(versions.get(0).get("deployedBy").asText()).isEqualTo(analyst);
            assertThat(versions.get(0).get("comment").asText()).isEqualTo("Drafts say so");

            JsonNode diff = get(analyst, "/api/rules/session-visibility/versions/" + (mine - 1) + "/diff/" + mine);
            assertThat(diff.get("added").findValuesAsText("id")).containsExactly("rule_nothing");
            assertThat(diff.get("removed").findValuesAsText("id")).containsExactly("rule_other_locations");
            List<String> changedIds = new ArrayList<>();
            diff.get("changed").forEach(c -> changedIds.add(c.get("id").asText()));
            assertThat(changedIds).containsExactly("rule_already_started");
        } finally {
            assertThat(modelerDeploy(analyst, Decisions.SESSION_VISIBILITY, original)).isEqualTo(200);
        }
        JsonNode versions = get(analyst, "/api/rules/session-visibility/versions");
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(mine + 1);
        assertThat(versions.get(0).get("deployedBy").asText()).isEqualTo("not recorded");
        assertThat(versions.get(0).get("recorded").asBoolean()).isFalse();
        assertThat(versions.get(0).get("deployedAt").isNull()).isFalse();
    }

    // ---- refusals

    @Test
    void aFileThatIsNoDmnIsRefused() {
        assertRefused(Decisions.SESSION_VISIBILITY, "just some text", "not a DMN model");
    }

    @Test
    void aTableOfAnotherDecisionIsRefused() {
        assertRefused(Decisions.SESSION_VISIBILITY, RuleTables.original(Decisions.REGISTRATION_ELIGIBILITY),
                "holds the decision registration-eligibility, not session-visibility");
    }

    @Test
    void anInputMusterDoesNotPassIsRefused() {
        assertRefused(Decisions.SESSION_VISIBILITY, RuleTables.withInputExpression(
                RuleTables.original(Decisions.SESSION_VISIBILITY), "input_employment_type", "salary", "string"),
                "reads salary, which Muster does not pass");
    }

    @Test
    void anInputOfAnotherTypeThanMusterPassesIsRefused() {
        assertRefused(Decisions.SESSION_VISIBILITY, RuleTables.withInputExpression(
                RuleTables.original(Decisions.SESSION_VISIBILITY), "input_starts_in_future", "startsInFuture", "string"),
                "reads startsInFuture as string, but Muster passes a boolean");
    }

    @Test
    void anOutputMusterDoesNotReadIsRefused() {
        assertRefused(Decisions.AUTO_ENROL_ELIGIBILITY, RuleTables.original(Decisions.AUTO_ENROL_ELIGIBILITY)
                .replace("name=\"reason\"", "name=\"why\""), "output \"why\" is not one Muster reads");
    }

    @Test
    void anOutcomeMusterDoesNotKnowIsRefused() {
        assertRefused(Decisions.REGISTRATION_ELIGIBILITY, RuleTables.original(Decisions.REGISTRATION_ELIGIBILITY)
                .replace("\"NEEDS_APPROVAL\"", "\"MAYBE\""), "is \"MAYBE\"; Muster understands");
    }

    @Test
    void anExpressionThatDoesNotParseIsRefused() {
        assertRefused(Decisions.SESSION_VISIBILITY, RuleTables.withFirstRule(
                RuleTables.original(Decisions.SESSION_VISIBILITY), "rule_broken",
                new String[] {"\"SCHEDULED\" and (", "", "", "", "", ""}, new String[] {"false", "\"Broken\""}),
                "rule rule_broken, \"Session status\" does not parse");
    }

    @Test
    void aLearnerMayNeitherPreviewNorDeploy() {
        String learner = fixtures.learner();
        String table = RuleTables.original(Decisions.SESSION_VISIBILITY);
        Api.Response preview = multipart(learner, "/api/rules/session-visibility/preview", table, null);
        assertThat(preview.status()).isEqualTo(403);
        assertThat(preview.contentType()).startsWith("application/problem+json");
        assertThat(deploy(learner, Decisions.SESSION_VISIBILITY, table, "no").status()).isEqualTo(403);
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/rules/session-visibility/versions").status())
                .isEqualTo(403);
    }

    @Test
    void anUnknownDecisionIsNotFound() {
        Api.Response answer = multipart(analyst(), "/api/rules/waitlist-offer-policy/preview",
                RuleTables.original(Decisions.WAITLIST_OFFER_POLICY), null);
        assertThat(answer.status()).isEqualTo(404);
    }

    private void assertRefused(String key, String table, String expected) {
        String analyst = analyst();
        int versions = get(analyst, "/api/rules/" + key + "/versions").size();
        Api.Response preview = multipart(analyst, "/api/rules/" + key + "/preview", table, null);
        assertThat(preview.status()).as(preview.text()).isEqualTo(400);
        assertThat(preview.contentType()).startsWith("application/problem+json");
        assertThat(preview.body().get("detail").asText()).contains(expected);
        Api.Response deployed = deploy(analyst, key, table, "should not deploy");
        assertThat(deployed.status()).isEqualTo(400);
        assertThat(get(analyst, "/api/rules/" + key + "/versions").size()).isEqualTo(versions);
    }

    // ---- helpers

    /** Who moves where, per session (or course), read from every page of a preview. */
    private record Moves(Map<Long, Map<String, String>> bySubject, Set<String> rules, Set<String> reasons) {

        Set<String> people() {
            Set<String> people = new HashSet<>();
            bySubject.values().forEach(m -> people.addAll(m.keySet()));
            return people;
        }

        Map<String, String> of(long subject) {
            return bySubject.getOrDefault(subject, Map.of());
        }

        /** The sessions (or courses) whose outcome for the person moves to the given one. */
        Set<Long> to(String person, String outcome) {
            Set<Long> subjects = new HashSet<>();
            bySubject.forEach((id, m) -> {
                if (m.getOrDefault(person, "").endsWith(">" + outcome)) {
                    subjects.add(id);
                }
            });
            return subjects;
        }
    }

    private Moves preview(String analyst, String key, String table) {
        Map<Long, Map<String, String>> bySubject = new TreeMap<>();
        Set<String> rules = new HashSet<>();
        Set<String> reasons = new HashSet<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = previewPage(analyst, key, table, offset);
            for (JsonNode change : page.get("changes")) {
                Map<String, String> people = bySubject.computeIfAbsent(change.get("id").asLong(), k -> new HashMap<>());
                for (JsonNode move : change.get("moves")) {
                    assertThat(move.get("usernames").size()).as("every username listed").isEqualTo(move.get("count").asInt());
                    assertThat(move.get("from").asText()).isNotEqualTo(move.get("to").asText());
                    rules.add(move.get("fromRule").asText());
                    rules.add(move.get("toRule").asText());
                    reasons.add(move.get("fromReason").asText());
                    reasons.add(move.get("toReason").asText());
                    move.get("usernames").forEach(u -> people.put(u.asText(),
                            move.get("from").asText() + ">" + move.get("to").asText()));
                }
            }
            if (offset + 100 >= page.get("total").asInt()) {
                return new Moves(bySubject, rules, reasons);
            }
        }
    }

    private JsonNode previewPage(String analyst, String key, String table, int offset) {
        Api.Response answer = multipart(analyst, "/api/rules/" + key + "/preview?limit=100&people=1000&offset=" + offset,
                table, null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private void deployThenRestore(String analyst, String key, String table, Runnable check) {
        Api.Response deployed = deploy(analyst, key, table, "test change");
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        try {
            check.run();
        } finally {
            assertThat(deploy(analyst, key, RuleTables.original(key), "restored").status()).isEqualTo(201);
        }
    }

    private Api.Response deploy(String user, String key, String table, String comment) {
        return multipart(user, "/api/rules/" + key + "/deployments", table, comment);
    }

    private Api.Response multipart(String user, String path, String table, String comment) {
        return RuleTables.upload(rest, json, user, Api.passwordOf(user), path, table, comment);
    }

    /** What Camunda Modeler does: a deployment straight through the engine's REST API. */
    private int modelerDeploy(String analyst, String key, String xml) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", key);
        parts.add("data", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return key + ".dmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(analyst, Api.passwordOf(analyst));
        return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
                String.class).getStatusCode().value();
    }

    private JsonNode get(String user, String path) {
        Api.Response answer = api.get(user, Api.passwordOf(user), path);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private Map<String, Set<Long>> calendars(String... learners) {
        Map<String, Set<Long>> calendars = new HashMap<>();
        for (String learner : learners) {
            Set<Long> ids = new HashSet<>();
            fixtures.calendar(learner).forEach(e -> ids.add(e.get("id").asLong()));
            calendars.put(learner, ids);
        }
        return calendars;
    }

    private long decisionHistory() {
        return jdbc.queryForObject("select count(*) from act_hi_decinst", Long.class);
    }

    private void runAutoEnrol() {
        Api.Response started = api.asAdmin(HttpMethod.POST, "/api/auto-enrol/runs", null);
        assertThat(started.status()).isEqualTo(202);
        String location = started.headers().getLocation().toString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() ->
                "COMPLETED".equals(api.asAdmin(HttpMethod.GET, location, null).body().path("state").asText()));
    }

    private boolean enrolledOn(String username, long course) {
        for (JsonNode e : api.asAdmin(HttpMethod.GET, "/api/people/" + username + "/enrolments", null).body()) {
            if (e.path("courseId").asLong() == course && !e.path("status").asText().equals("CANCELLED")) {
                return true;
            }
        }
        return false;
    }
}
