package io.muster.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.POST;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who reaches what: every operation of the API (and the engine REST paths Muster's users can
 * reach) × every role, the expected answer of each cell in {@link #MATRIX}. "ok" means the request
 * got past authorization to the thing the path names (any answer but 401, 403, 404 and 5xx); "no" means it was refused (403, or 404
 * for what the caller may not know exists); "401" means sign in first; "empty" means the engine
 * answers with nothing the caller may not read; "engine" means authorized, and the answer is the
 * engine's own validation of the deliberately empty request. The learner owns the
 * booking and the profile the paths name; "other" is another learner; "trainer" trains the session
 * the paths name, "otherTrainer" trains other sessions only. Requests carry an empty
 * body, so an allowed write may still be refused as invalid; each row runs its admin cell last, and
 * rows that remove or end something come last and work on things of their own.
 */
@IntegrationTest
class AuthorizationMatrixIT {

    private static final List<String> ROLES = Roles.ALL;

    /** Per row: method and path, then one cell per role in the order of {@link Roles#ALL}. */
    private static final String[][] MATRIX = {
            // what every signed-in person may do for themselves (the test's admin has no learner profile:
            // nothing of its own to read, hand in or book)
            {"GET /api/me/sessions", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET /api/me/pathways/{pathway}", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "no"},
            {"PUT /api/me/course-items/{item}/upload", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "no"},
            {"PUT /api/me/course-items/{item}/evaluation", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET /api/courses", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET /api/courses/{course}", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"GET /api/courses/{course}/items", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"POST /api/sessions/{session}/registrations", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "no"},
            {"POST /api/enrolment-keys/{key}/redeem", "401", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            // the learner's own things: another learner is told they do not exist
            {"GET /api/registrations/{registration}", "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/registrations/{registration}/confirm", "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/registrations/{registration}/accept", "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/registrations/{registration}/decline", "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"GET /api/people/{learner}", "401", "ok", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/people/{learner}/enrolments", "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"GET /api/people/{learner}/courses/{course}/progress",
                    "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"GET /api/course-items/{item}/uploads/{learner}", "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"GET /api/course-items/{item}/evaluations/{learner}",
                    "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            // trainers of the session, enrolment managers, admins
            {"GET /api/sessions", "401", "no", "no", "ok", "ok", "no", "no", "ok", "ok"},
            {"GET /api/sessions/{session}", "401", "no", "no", "ok", "ok", "no", "no", "ok", "ok"},
            {"GET /api/sessions/{session}/roster", "401", "no", "no", "ok", "no", "no", "no", "ok", "ok"},
            {"GET /api/sessions/{session}/roster.xlsx", "401", "no", "no", "ok", "no", "no", "no", "ok", "ok"},
            {"POST /api/sessions/{session}/attendance", "401", "no", "no", "ok", "no", "no", "no", "no", "ok"},
            {"POST /api/sessions/{session}/emails", "401", "no", "no", "ok", "no", "no", "no", "no", "ok"},
            // enrolment managers and admins
            {"POST /api/enrolment-keys", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"GET /api/enrolment-keys/{key}", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"GET /api/courses/{course}/activity", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/courses/{course}/enrolments/{learner}/fail",
                    "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/courses/{course}/registrations", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/sessions/{session}/invitees", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/registrations/{registration}/swap", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/sessions/{session}/roster/status", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/sessions/{session}/roster/copy", "401", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            // admins only
            {"GET /api/courses/{course}/auto-enrol", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/courses/{course}/auto-enrol", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/settings/auto-enrol", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/settings/auto-enrol", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/job-roles/{jobRole}/requirements", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/job-roles/{jobRole}/requirements", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/people/{learner}/auto-enrol", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/auto-enrol/runs", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/auto-enrol/runs/{run}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/courses", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/courses/{course}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/settings/multiple-session-enrolment", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/settings/multiple-session-enrolment", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/courses/{course}/items", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/notifications", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/pathways", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/pathways/{pathway}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/pathways/{pathway}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/people", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/people/{learner}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/segments", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/segments", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/segments/{segment}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/segments/{segment}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/segments/{segment}/members", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/segments/{segment}/courses", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/sessions", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"PUT /api/sessions/{session}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/training-records", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"GET /api/people/{learner}/training-records", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            // analysts and admins: changed decision tables (an empty body is refused as invalid, after authorization)
            {"POST /api/rules/{rule}/preview", "401", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            {"POST /api/rules/{rule}/deployments", "401", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            {"GET /api/rules/{rule}/versions", "401", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            {"GET /api/rules/{rule}/versions/{version}/diff/{version}", "401", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            // removing or ending things, last, each on things of its own
            {"POST /api/registrations/{registration}/cancel", "401", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"POST /api/enrolments/{enrolment}/cancel", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"DELETE /api/courses/{course}/items/{item}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"DELETE /api/segments/{segment}/courses/{course}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"DELETE /api/segments/{segment}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"DELETE /api/pathways/{pathway}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/sessions/{session}/publish", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"POST /api/sessions/{session}/cancel", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"DELETE /api/sessions/{session}", "401", "no", "no", "no", "no", "no", "no", "no", "ok"},
            // the engine's REST API: a learner deploys nothing, starts nothing, reads no one's tasks or history
            {"POST /engine-rest/deployment/create", "401", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            {"POST /engine-rest/process-definition/key/registration/start", "401", "no", "no", "no", "no", "no", "no", "no",
                    "engine"},
            {"GET /engine-rest/task?processInstanceBusinessKey={registration}", "401", "empty", "empty", "empty", "empty",
                    "empty", "empty", "empty", "ok"},
            {"GET /engine-rest/history/variable-instance?processInstanceBusinessKey={registration}", "401", "empty",
                    "empty", "empty", "empty", "empty", "empty", "empty", "ok"},
            {"GET /engine-rest/variable-instance?variableName=personId", "401", "empty", "empty", "empty", "empty", "empty",
                    "empty", "empty", "ok"},
    };

    /**
     * Bodies for the rows whose refusal of another trainer comes after the body is read: an empty
     * body would be refused as invalid before anyone asks who sends it.
     */
    private static final Map<String, String> BODIES = Map.of(
            "POST /api/sessions/{session}/attendance", "[{\"username\": \"{learner}\", \"status\": \"ATTENDED\"}]",
            "POST /api/sessions/{session}/emails",
            "{\"type\": \"CUSTOM\", \"usernames\": [\"{learner}\"], \"text\": \"From the matrix\"}");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, String> users;
    private String rowBody;

    @Test
    void everyRoleReachesExactlyWhatTheMatrixSays() throws Exception {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        users = Roles.people(api, fixtures, trainer);
        List<String> failures = new ArrayList<>();

        for (String[] row : MATRIX) {
            Map<String, String> ids = idsFor(row[0], trainer);
            String method = row[0].substring(0, row[0].indexOf(' '));
            String path = fill(row[0].substring(row[0].indexOf(' ') + 1), ids);
            rowBody = fill(BODIES.getOrDefault(row[0], "{}"), ids);
            for (int r = 0; r < ROLES.size(); r++) {
                String role = ROLES.get(r);
                String expected = row[r + 1];
                Answer answer = send(method, path, role);
                if (!fits(expected, answer)) {
                    failures.add(role + " " + method + " " + path + ": expected " + expected + ", got " + answer);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(uncovered()).as("API operations with no row in the matrix").isEmpty();
    }

    private record Answer(int status, String contentType, String body) {

        @Override
        public String toString() {
            return status + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
        }
    }

    private static boolean fits(String expected, Answer answer) {
        if (answer.status() >= 500 && !expected.equals("engine")) {
            return false;
        }
        return switch (expected) {
            case "401" -> answer.status() == 401;
            case "no" -> answer.status() == 403 || answer.status() == 404;
            case "ok" -> answer.status() != 401 && answer.status() != 403 && answer.status() != 404;
            // the engine filters what a user may not read out of the list
            case "empty" -> answer.status() == 403 || answer.status() == 200 && answer.body().trim().equals("[]");
            case "engine" -> answer.status() != 401 && answer.status() != 403;
            default -> throw new IllegalArgumentException(expected);
        };
    }

    /** Things for the row to work on: fresh ones, so a row that removes something leaves the next intact. */
    private Map<String, String> idsFor(String row, String trainer) {
        Map<String, String> ids = new LinkedHashMap<>();
        long course = fixtures.course("SELF");
        long session = fixtures.sessionTrainedBy(trainer, 5, true, false);
        long registration = fixtures.book(users.get("learner"), session).body().get("id").asLong();
        ids.put("course", Long.toString(course));
        ids.put("session", Long.toString(session));
        ids.put("registration", Long.toString(registration));
        ids.put("learner", users.get("learner"));
        ids.put("jobRole", "Technician");
        if (row.contains("{item}")) {
            boolean evaluation = row.contains("/evaluations/");
            ids.put("item", api.asAdmin(POST, "/api/courses/" + course + "/items", evaluation
                    ? Map.of("kind", "EVALUATION", "title", "Item " + Api.unique(""), "required", true,
                            "questions", List.of("How was it?"))
                    : Map.of("kind", "UPLOAD", "title", "Item " + Api.unique(""), "required", true)).body().get("id")
                    .asText());
            if (row.contains("/{learner}")) {
                handedIn(course, ids.get("item"), evaluation);
            }
        }
        if (row.contains("{pathway}")) {
            ids.put("pathway", api.asAdmin(POST, "/api/pathways",
                    Map.of("title", "Pathway " + Api.unique(""), "steps",
                            List.of(Map.of("sessionIds", List.of(session), "rule", "ANY")))).body().get("id").asText());
        }
        if (row.contains("{segment}")) {
            ids.put("segment", Long.toString(fixtures.segment(Map.of("department", List.of("Sales")))));
            if (row.contains("/courses/{course}")) {
                // a course the segment enrols, so that unlinking it finds the link
                long linked = fixtures.course("ASSIGNMENT_ONLY");
                assertThat(api.asAdmin(POST, "/api/segments/" + ids.get("segment") + "/courses",
                        Map.of("courseId", linked)).status()).isEqualTo(201);
                ids.put("course", Long.toString(linked));
            }
        }
        if (row.contains("{key}")) {
            Map<String, Object> key = Map.of("courseId", course, "sessionIds",
                    List.of(fixtures.session(course, 5, false, false, Map.of())), "maxUses", 3,
                    "expiresAt", java.time.OffsetDateTime.now().plusDays(30).toString());
            ids.put("key", api.asAdmin(POST, "/api/enrolment-keys", key).body()
                    .get("code").asText());
        }
        if (row.contains("{enrolment}")) {
            // the booking above enrolled the learner in the session's course
            ids.put("enrolment", api.asAdmin(org.springframework.http.HttpMethod.GET,
                    "/api/people/" + users.get("learner") + "/enrolments", null).body().get(0).get("id").asText());
        }
        if (row.contains("{run}")) {
            ids.put("run", api.asAdmin(POST, "/api/auto-enrol/runs", null).body().get("id").asText());
        }
        ids.put("rule", "session-visibility");
        ids.put("version", "1");
        return ids;
    }

    /** The learner, booked on a session of the course, hands in the item: an upload or the evaluation's answers. */
    private void handedIn(long course, String item, boolean evaluation) {
        String learner = users.get("learner");
        assertThat(api.asAdmin(POST, "/api/courses/" + course + "/registrations", Map.of("usernames", List.of(learner),
                "sessionIds", List.of(fixtures.session(course, 5, false)))).status()).isEqualTo(201);
        Api.Response handedIn = evaluation
                ? api.put(learner, Api.passwordOf(learner), "/api/me/course-items/" + item + "/evaluation",
                        Map.of("answers", List.of("Good")))
                : api.upload(learner, Api.passwordOf(learner), Long.parseLong(item), "notes.txt", "text/plain",
                        "notes".getBytes(StandardCharsets.UTF_8));
        assertThat(handedIn.status()).as(handedIn.text()).isEqualTo(200);
    }

    private static String fill(String template, Map<String, String> ids) {
        String path = template;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }

    /** Operations of the API document that no row of the matrix names. */
    private List<String> uncovered() throws Exception {
        JsonNode doc = json.readTree(send("GET", "/v3/api-docs", "admin").body());
        TreeSet<String> covered = new TreeSet<>();
        for (String[] row : MATRIX) {
            covered.add(row[0].replaceAll("\\{[^}]+}", "{}").replaceAll("\\?.*", ""));
        }
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String operation = methods.next().toUpperCase() + " " + path.getKey().replaceAll("\\{[^}]+}", "{}");
                if (!covered.contains(operation)) {
                    missing.add(operation);
                }
            }
        }
        return missing;
    }

    private Answer send(String method, String path, String role) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (!role.equals("anonymous")) {
            String user = users.get(role);
            String password = Roles.passwordOf(role, user);
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        boolean body = method.equals("POST") || method.equals("PUT");
        if (path.startsWith("/engine-rest/deployment/create")) {
            // what Camunda Modeler sends: a multipart form with the decision table
            String boundary = "matrix" + System.nanoTime();
            String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrix\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"session-visibility.dmn\"\r\n"
                    + "Content-Type: application/xml\r\n\r\n"
                    + java.nio.file.Files.readString(java.nio.file.Path.of("dmn", "session-visibility.dmn")) + "\r\n"
                    + "--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
            request.method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            if (body) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, body ? HttpRequest.BodyPublishers.ofString(rowBody)
                    : HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
