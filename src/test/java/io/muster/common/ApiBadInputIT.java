package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.RowDigest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad requests for every operation of the API's own OpenAPI document: mistyped, negative, huge,
 * unknown and foreign ids in the path; no body, the wrong JSON shape, each field missing its
 * value, of the wrong type, oversized, out of range or an unknown enum value, and unknown fields.
 * Every answer is below 500, every refusal is problem+json, and a refused request changes no row;
 * a learner never gets another learner's registration or profile, and nobody signed out gets anything.
 */
@IntegrationTest
class ApiBadInputIT {

    /** The tables a request could write to; their contents are compared around each refused request. */
    /** Settings every node shares: put back after the run, should a generated body pass as valid. */
    private static final List<String> SHARED_SETTINGS = List.of("portal_setting", "auto_enrol_setting",
            "job_role_requirement");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Answer(int status, String contentType, String body) {
    }

    private record Tried(String method, String path, String body, String who, Answer answer) {

        String describe() {
            return who + " " + method + " " + path + (body == null ? "" : " " + abbreviate(body)) + " -> "
                    + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body());
        }

        private static String abbreviate(String text) {
            return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
        }
    }

    @Test
    void everyOperationRefusesBadInputWithProblemJsonBelow500AndChangesNothing() throws Exception {
        long course = fixtures.course("SELF");
        long session = fixtures.session(course, 5, true, false, Map.of());
        String learner = fixtures.learner();
        String other = fixtures.learner();
        long othersRegistration = fixtures.book(other, session).body().get("id").asLong();
        Map<String, String> ids = Map.of("session", Long.toString(session), "course", Long.toString(course),
                "registration", Long.toString(othersRegistration), "username", other);

        Map<String, List<Map<String, Object>>> settings = new LinkedHashMap<>();
        SHARED_SETTINGS.forEach(table -> settings.put(table, jdbc.queryForList("select * from " + table)));
        try {
            run(ids, learner);
        } finally {
            settings.forEach((table, rows) -> {
                jdbc.update("delete from " + table);
                rows.forEach(row -> jdbc.update("insert into " + table + " (" + String.join(", ", row.keySet())
                        + ") values (" + String.join(", ", java.util.Collections.nCopies(row.size(), "?")) + ")",
                        row.values().toArray()));
            });
        }
    }

    private void run(Map<String, String> ids, String learner) throws Exception {
        JsonNode doc = json.readTree(send("GET", "/v3/api-docs", null, Api.ADMIN, Api.ADMIN_PASSWORD).body());
        JsonNode schemas = doc.path("components").path("schemas");
        List<Tried> failures = new ArrayList<>();
        int tried = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                String template = path.getKey();
                JsonNode operation = op.getValue();
                String body = bodyOf(operation, schemas) == null ? null : "{}";
                for (Map.Entry<String, String> variant : pathVariants(template, ids).entrySet()) {
                    // an admin is let through to the ids' checks: the foreign ones are real, so only a learner
                    if (!variant.getKey().equals("foreign")) {
                        tried++;
                        check(failures, method, variant.getValue(), body, Api.ADMIN, Api.ADMIN_PASSWORD);
                    }
                    // a learner with another learner's (or bad) ids: refused, and nothing of theirs changes
                    tried++;
                    Answer answer = check(failures, method, variant.getValue(), body, learner, Api.passwordOf(learner));
                    boolean othersData = variant.getValue().contains("/registrations/" + ids.get("registration"))
                            || variant.getValue().contains("/" + ids.get("username"));
                    if (othersData && answer.status() < 400) {
                        failures.add(new Tried(method, variant.getValue(), body, learner + " (another's data)", answer));
                    }
                }
                // nobody reaches anything without signing in
                tried++;
                Answer anonymous = send(method, fill(template, ids), body, null, null);
                if (anonymous.status() != 401 || !anonymous.contentType().startsWith("application/problem+json")) {
                    failures.add(new Tried(method, fill(template, ids), body, "anonymous", anonymous));
                }
                JsonNode schema = bodyOf(operation, schemas);
                if (schema != null) {
                    String concrete = fill(template, ids);
                    for (String bad : bodyVariants(schema, schemas)) {
                        tried++;
                        check(failures, method, concrete, bad, Api.ADMIN, Api.ADMIN_PASSWORD);
                    }
                }
            }
        }
        System.out.println("ApiBadInputIT: " + tried + " bad requests tried, " + failures.size() + " wrong answers");
        failures.forEach(f -> System.out.println("  " + f.describe()));
        assertThat(tried).isGreaterThan(300);
        assertThat(failures).extracting(Tried::describe).isEmpty();
    }

    private Answer check(List<Tried> failures, String method, String path, String body, String user, String password)
            throws Exception {
        String before = snapshot();
        Answer answer = send(method, path, body, user, password);
        Tried tried = new Tried(method, path, body, user, answer);
        boolean refused = answer.status() >= 400;
        if (answer.status() >= 500
                || refused && !answer.contentType().startsWith("application/problem+json")
                || refused && !before.equals(snapshot())) {
            failures.add(tried);
        }
        return answer;
    }

    /** The path as given with its ids filled in, and with each id mistyped, negative, huge, unknown. */
    private static Map<String, String> pathVariants(String template, Map<String, String> ids) {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("foreign", fill(template, ids));
        if (template.contains("{")) {
            for (String bad : List.of("abc", "-1", "99999999999999999999", "0", "%3Cscript%3E", "1.5")) {
                variants.put(bad, template.replaceAll("\\{[^}]+}", bad));
            }
        }
        return variants;
    }

    /** Fills path ids from what the test made, by the resource the id stands for. */
    private static String fill(String template, Map<String, String> ids) {
        String path = template;
        path = path.replaceAll("/sessions/\\{[^}]+}", "/sessions/" + ids.get("session"));
        path = path.replaceAll("/courses/\\{[^}]+}", "/courses/" + ids.get("course"));
        path = path.replaceAll("/registrations/\\{[^}]+}", "/registrations/" + ids.get("registration"));
        path = path.replaceAll("\\{username}", ids.get("username"));
        return path.replaceAll("\\{[^}]+}", "999999");
    }

    private static JsonNode bodyOf(JsonNode operation, JsonNode schemas) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(schema, schemas);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Bodies that must be refused or ignored: wrong shapes, and each field wrong in its own way. */
    private List<String> bodyVariants(JsonNode schema, JsonNode schemas) {
        List<String> bodies = new ArrayList<>(List.of("", "not json", "[]", "null", "123", "\"text\""));
        if (!"object".equals(schema.path("type").asText("object"))) {
            return bodies;
        }
        ObjectNode valid = json.createObjectNode();
        bodies.add("{\"unknownField\": 1}");
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode type = resolve(field.getValue(), schemas);
            for (Object wrong : wrongValues(type)) {
                ObjectNode body = valid.deepCopy();
                body.set(field.getKey(), json.valueToTree(wrong));
                bodies.add(body.toString());
            }
        }
        return bodies;
    }

    private static List<Object> wrongValues(JsonNode type) {
        String oversized = "x".repeat(10_000);
        return switch (type.path("type").asText("object")) {
            case "string" -> type.has("enum") ? List.of("NOT_A_VALUE", 12, oversized)
                    : "date-time".equals(type.path("format").asText()) ? List.of("yesterday", 12, "2026-13-45T99:00:00Z")
                    : List.of(12, true, List.of(1), oversized, "\u0000");
            case "integer" -> List.of("ten", -1, Long.MAX_VALUE, 1.5, "99999999999999999999999");
            case "number" -> List.of("ten", -1, 1e308);
            case "boolean" -> List.of("maybe", 2);
            case "array" -> List.of("not a list", List.of(Map.of("x", 1)), java.util.Collections.nCopies(5_000, "x"));
            default -> List.of("not an object", 12, List.of());
        };
    }

    private String snapshot() {
        return RowDigest.of(jdbc);
    }

    private Answer send(String method, String path, String body, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
