package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.muster.rulechange.RuleTables;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Every request example of the API document works for the role it is named for: each is sent,
 * signed in as that role, to things of its own made through the API (its demo ids, path variables
 * and names that must be new replaced by theirs), and is answered 2xx with nothing refused.
 */
@IntegrationTest
class ApiExamplesWorkIT {

    private static final String ATTENDANCE = "POST /api/sessions/{id}/attendance";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    private String manager;
    private String analyst;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void everyRequestExampleSucceedsForTheRoleItIsNamedFor() {
        JsonNode doc = api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/v3/api-docs").body();
        manager = api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        analyst = api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of());
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode content = method.getValue().path("requestBody").path("content");
                if (content.isEmpty()) {
                    continue;
                }
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                Map.Entry<String, JsonNode> media = content.properties().iterator().next();
                for (Map.Entry<String, JsonNode> example : media.getValue().path("examples").properties()) {
                    tried++;
                    String outcome = send(operation, media.getKey(), example.getKey(), example.getValue());
                    if (outcome != null) {
                        failures.add(operation + " \"" + example.getKey() + "\": " + outcome);
                    }
                    // the attendance example moves the clock; the next example starts from now again
                    ClockUtil.reset();
                }
            }
        }
        int inDocument = examplesIn(doc);
        System.out.println("ApiExamplesWorkIT: tried " + tried + " request examples of " + inDocument
                + " in the document, " + failures.size() + " failed");
        assertThat(failures).isEmpty();
        assertThat(tried).isEqualTo(inDocument).isGreaterThan(30);
    }

    /** The examples the document holds, counted apart from the loop that sends them: each name once per operation. */
    private static int examplesIn(JsonNode doc) {
        int count = 0;
        for (JsonNode item : doc.path("paths")) {
            for (JsonNode operation : item) {
                Set<String> names = new HashSet<>();
                operation.path("requestBody").path("content")
                        .forEach(media -> media.path("examples").fieldNames().forEachRemaining(names::add));
                count += names.size();
            }
        }
        return count;
    }

    /** Sends one example; null when it worked, else what went wrong. */
    private String send(String operation, String mediaType, String name, JsonNode example) {
        Scene scene = new Scene(operation.equals(ATTENDANCE));
        String user = scene.signer(name);
        if (user == null) {
            return "no role of this test is named so";
        }
        String password = user.equals(Api.ADMIN) ? Api.ADMIN_PASSWORD : Api.passwordOf(user);
        HttpMethod method = HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
        String path = scene.fill(operation.substring(operation.indexOf(' ') + 1));
        Api.Response answer;
        if (mediaType.equals(MediaType.APPLICATION_JSON_VALUE)) {
            String body = scene.substitute(example.path("value").deepCopy(), "").toString();
            if (operation.equals(ATTENDANCE)) {
                scene.startSessionOne();
            }
            answer = api.exchange(user, password, method, path, body);
        } else if (mediaType.equals(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            // the file part is a real table: the deployed one, so a deployment changes nobody's outcome
            answer = RuleTables.upload(rest, json, user, password, path, RuleTables.original("session-visibility"),
                    example.path("value").path("comment").asText(null));
        } else {
            // a learner's file, handed in as the body itself: a short report, text/plain being an upload type
            answer = api.upload(user, password, Long.parseLong(scene.item("UPLOAD")), "fire-drill-report.txt",
                    MediaType.TEXT_PLAIN_VALUE,
                    "Fire drill: building cleared in 3 minutes.".getBytes(StandardCharsets.UTF_8));
        }
        if (answer.status() < 200 || answer.status() > 299) {
            return answer.status() + " " + answer.text();
        }
        // a bulk change answers 200 with the lines it refused: an example must not be refused either
        JsonNode refused = answer.body().path("refused");
        return refused.isEmpty() ? null : "refused " + refused;
    }

    /**
     * One example's world, made through the API as the example asks for it: a course of several
     * sessions, the first trained by the session's trainer, and learner1 booked on it, as in the
     * demo data; another course for the demo's second.
     */
    private final class Scene {

        private final boolean startingSoon;
        private final Map<String, String> made = new HashMap<>();

        Scene(boolean startingSoon) {
            this.startingSoon = startingSoon;
        }

        private String get(String what, Supplier<Object> make) {
            String value = made.get(what);
            if (value == null) {
                value = String.valueOf(make.get());
                made.put(what, value);
            }
            return value;
        }

        String signer(String exampleName) {
            return switch (exampleName) {
                case "As a learner" -> learner();
                case "As the session's trainer" -> trainer();
                case "As an enrolment manager" -> manager;
                case "As an admin" -> Api.ADMIN;
                case "As an analyst" -> analyst;
                default -> null;
            };
        }

        /** The session's trainer; a trainer named in a body is another, free at any time the example picks. */
        String trainer() {
            return get("trainer", () -> api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of()));
        }

        /** learner1: booked on session 1. */
        String learner() {
            registration();
            return made.get("learner1");
        }

        String registration() {
            return get("registration", () -> {
                Api.Response booked = fixtures.book(get("learner1", fixtures::learner), Long.parseLong(session(1)));
                assertThat(booked.status()).as(booked.text()).isEqualTo(201);
                return booked.body().get("id").asLong();
            });
        }

        /** Demo courses: 1 (several sessions, FIRE-101), 2, and 3 (assignment only, as the course example makes it). */
        String course(int demoId) {
            return get("course" + demoId, () -> switch (demoId) {
                case 1 -> fixtures.course(true);
                case 2 -> fixtures.course("SELF");
                case 3 -> fixtures.course("ASSIGNMENT_ONLY");
                default -> throw new IllegalArgumentException("No demo course " + demoId);
            });
        }

        /** Demo sessions: 1 and 2 of course 1, 3 of course 2, 4 a draft of course 1. */
        String session(int demoId) {
            return get("session" + demoId, () -> switch (demoId) {
                case 1 -> startingSoon ? fixtures.sessionStartingSoon(Long.parseLong(course(1)), 10, trainer())
                        : published(fixtures.draft(Long.parseLong(course(1)), 10, true, false, Map.of(), trainer()));
                case 2 -> fixtures.session(Long.parseLong(course(1)), 10, true);
                case 3 -> fixtures.session(Long.parseLong(course(2)), 10, true);
                case 4 -> fixtures.draft(Long.parseLong(course(1)), 10, true, false, Map.of());
                default -> throw new IllegalArgumentException("No demo session " + demoId);
            });
        }

        private long published(long draft) {
            assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + draft + "/publish", null).status()).isEqualTo(200);
            return draft;
        }

        /** A demo username: learner1 is the booked learner, the demo's other people are made; any other name is a new one. */
        String person(String demoName) {
            if (demoName.equals("learner1")) {
                return learner();
            }
            if (demoName.matches("learner[2-6]")) {
                return get(demoName, fixtures::learner);
            }
            return switch (demoName) {
                case "trainer" -> get("freeTrainer", () -> api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS,
                        Map.of()));
                case "approver" -> get("approver", () -> api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS,
                        Map.of()));
                default -> Api.unique(demoName);
            };
        }

        /** The path with this scene's things for its variables, chosen by what the path names. */
        String fill(String template) {
            String[] segments = template.split("/");
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].startsWith("{")) {
                    segments[i] = variable(template, segments[i - 1]);
                }
            }
            return String.join("/", segments);
        }

        private String variable(String path, String collection) {
            return switch (collection) {
                // a booking needs a session the learner is not on yet, invitees a draft
                case "sessions" -> path.endsWith("/registrations") ? session(2)
                        : path.endsWith("/invitees") ? session(4) : session(1);
                case "registrations" -> registration();
                case "courses" -> course(1);
                case "people" -> person("learner1");
                case "segments" -> get("segment", () -> fixtures.segment(Map.of("location", List.of(Api.unique("Nowhere")))));
                case "pathways" -> get("pathway", () -> api.asAdmin(HttpMethod.POST, "/api/pathways", Map.of("title",
                        "Pathway", "steps", List.of(Map.of("sessionIds", List.of(session(1)), "rule", "ANY"))))
                        .body().get("id").asLong());
                case "job-roles" -> Api.unique("Role");
                // handed in by learner1, on the course through their booking
                case "course-items" -> item(path.endsWith("/evaluation") ? "EVALUATION" : "UPLOAD");
                case "rules" -> "session-visibility";
                default -> throw new IllegalArgumentException("No fixture for {" + collection + "} in " + path);
            };
        }

        private String item(String kind) {
            registration();
            Map<String, Object> item = new HashMap<>(Map.of("kind", kind, "title", "Item", "required", true));
            if (kind.equals("EVALUATION")) {
                item.put("questions", List.of("What will you do differently?", "Where is your nearest fire exit?"));
            }
            return get(kind, () -> api.asAdmin(HttpMethod.POST, "/api/courses/" + course(1) + "/items", item).body()
                    .get("id").asLong());
        }

        /** The body with this scene's ids for the demo data's, by the field that holds them. */
        JsonNode substitute(JsonNode node, String field) {
            if (node instanceof ObjectNode object) {
                object.properties().forEach(e -> e.setValue(substitute(e.getValue(), e.getKey())));
                return object;
            }
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, substitute(array.get(i), field));
                }
                return array;
            }
            return switch (field) {
                case "courseId", "courseIds" -> json.valueToTree(Long.parseLong(course(node.asInt())));
                case "sessionId", "sessionIds", "targetSessionId" -> json.valueToTree(Long.parseLong(session(node.asInt())));
                case "registrationIds" -> json.valueToTree(Long.parseLong(registration()));
                case "username", "usernames", "managerUsername", "trainerUsername" -> new TextNode(person(node.asText()));
                // course codes and segment names are unique: the demo's course keeps its code, a new one is new
                case "code" -> new TextNode(node.asText().equals("FIRE-101")
                        ? api.asAdmin(HttpMethod.GET, "/api/courses/" + course(1), null).body().get("code").asText()
                        : Api.unique("C"));
                case "name" -> new TextNode(node.asText() + " " + Api.unique(""));
                default -> node;
            };
        }

        /** Attendance is taken once the session has started: the clock (the engine's, the domain's "now") moves past its start. */
        void startSessionOne() {
            String startsAt = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session(1), null).body().get("startsAt").asText();
            Instant start = OffsetDateTime.parse(startsAt).toInstant();
            ClockUtil.setCurrentTime(Date.from(start.plusSeconds(60)));
        }
    }
}
