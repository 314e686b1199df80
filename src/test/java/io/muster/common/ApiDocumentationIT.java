package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The OpenAPI document tells a client what Muster is, how to sign in, and what each operation answers. */
@IntegrationTest
class ApiDocumentationIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Autowired
    Api api;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    BuildProperties build;

    private JsonNode doc;

    @BeforeEach
    void readDocument() {
        Api.Response response = api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        doc = response.body();
    }

    @Test
    void theDocumentIsMustersWithTheProjectVersionAndSaysHowToSignInAndHowErrorsLook() {
        JsonNode info = doc.path("info");
        assertThat(info.path("title").asText()).isEqualTo("Muster API");
        assertThat(info.path("version").asText()).isEqualTo(build.getVersion());
        assertThat(info.path("description").asText()).contains("instructor-led training", "HTTP Basic",
                "Camunda webapps", "application/problem+json");
    }

    @Test
    void httpBasicIsDeclaredAndRequiredEverywhere() {
        JsonNode basic = doc.path("components").path("securitySchemes").path("basic");
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
        assertThat(doc.path("security")).hasSize(1);
        assertThat(doc.path("security").get(0).has("basic")).isTrue();
    }

    @Test
    void everyTagUsedIsAnAreaWithADescriptionNotAControllerName() {
        Set<String> used = new TreeSet<>();
        operations().forEach(op -> op.path("tags").forEach(t -> used.add(t.asText())));
        Map<String, String> described = new java.util.HashMap<>();
        doc.path("tags").forEach(t -> described.put(t.path("name").asText(), t.path("description").asText()));

        assertThat(used).isNotEmpty().noneMatch(t -> t.endsWith("-controller"))
                .contains("Courses", "Sessions", "Registrations", "Rosters", "Attendance", "Enrolment keys",
                        "Segments", "Pathways", "People", "Auto-enrol", "Settings", "My learning", "Rules");
        assertThat(used).allSatisfy(tag -> assertThat(described.get(tag)).as(tag).isNotBlank());
        assertThat(described.keySet()).isEqualTo(used);
    }

    @Test
    void everyOperationHasASummaryATagAndItsRefusalsAsProblemJson() {
        assertThat(doc.path("components").path("schemas").path("ProblemDetail").path("properties").has("detail"))
                .isTrue();
        List<JsonNode> operations = operations();
        assertThat(operations).hasSizeGreaterThan(60);
        assertThat(operations).allSatisfy(op -> {
            String id = op.path("operationId").asText();
            assertThat(op.path("summary").asText()).as(id).isNotBlank();
            assertThat(op.path("tags")).as(id).isNotEmpty();
            for (String status : List.of("401", "403")) {
                JsonNode problem = op.path("responses").path(status).path("content").path("application/problem+json");
                assertThat(problem.path("schema").path("$ref").asText()).as(id + " " + status)
                        .isEqualTo("#/components/schemas/ProblemDetail");
            }
        });
    }

    @Test
    void changesAndLookupsListTheRefusalsTheyCanMeet() {
        assertThat(responses("post", "/api/sessions/{sessionId}/registrations"))
                .contains("400", "401", "403", "404", "409");
        // nothing to look up, nothing to conflict with: only the sign-in refusals
        assertThat(responses("get", "/api/courses")).containsOnly("200", "401", "403");
        // a file upload may be too large; nothing else is
        assertThat(responses("put", "/api/me/course-items/{itemId}/upload")).contains("413");
        assertThat(responses("post", "/api/sessions/{sessionId}/registrations")).doesNotContain("413");
    }

    @Test
    void operationsThatCreateAnswer201InTheDocumentAsTheyDo() {
        assertThat(api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("C"), "title", "Docs",
                "kind", "ILT", "required", false, "enrolmentMethod", "SELF")).status()).isEqualTo(201);
        long session = fixtures.session(fixtures.course("SELF"), 5, false);
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(201);

        for (String path : List.of("/api/courses", "/api/sessions", "/api/people", "/api/segments",
                "/api/pathways", "/api/enrolment-keys", "/api/training-records",
                "/api/sessions/{sessionId}/registrations", "/api/sessions/{sessionId}/invitees",
                "/api/courses/{courseId}/registrations", "/api/enrolment-keys/{code}/redeem")) {
            assertThat(responses("post", path)).as(path).contains("201").doesNotContain("200");
        }
        assertThat(responses("delete", "/api/sessions/{id}")).contains("204").doesNotContain("200");
        assertThat(responses("post", "/api/auto-enrol/runs")).contains("202").doesNotContain("200");
        assertThat(responses("post", "/api/rules/{decisionKey}/deployments")).contains("201").doesNotContain("200");
        // a changed decision table is sent as Camunda Modeler saves it: a file in a multipart form
        for (String path : List.of("/api/rules/{decisionKey}/preview", "/api/rules/{decisionKey}/deployments")) {
            assertThat(doc.path("paths").path(path).path("post").path("requestBody").path("content")
                    .has("multipart/form-data")).as(path).isTrue();
        }
    }

    @Test
    void everyOperationWithABodyHasExamplesNamedForTheRoleThatSendsThem() throws Exception {
        List<String> withBody = new ArrayList<>();
        List<String> withoutExamples = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode content = method.getValue().path("requestBody").path("content");
                if (!content.isEmpty()) {
                    withBody.add(operation);
                    examples += content.properties().iterator().next().getValue().path("examples").size();
                }
                for (Map.Entry<String, JsonNode> media : content.properties()) {
                    JsonNode named = media.getValue().path("examples");
                    if (named.isEmpty()) {
                        withoutExamples.add(operation + " " + media.getKey());
                    }
                    named.properties().forEach(example -> {
                        String what = operation + " \"" + example.getKey() + "\"";
                        assertThat(example.getKey()).as(what).matches("As (a|an|the) [^,]+");
                        assertThat(example.getValue().path("summary").asText()).as(what).isNotBlank();
                        // a JSON body is shown; a file cannot be, so its description says what to send
                        if (media.getKey().equals("application/json")) {
                            assertThat(example.getValue().has("value")).as(what).isTrue();
                        } else {
                            assertThat(example.getValue().path("description").asText()).as(what).isNotBlank();
                        }
                    });
                }
            }
        }
        assertThat(withBody).hasSizeGreaterThan(30);
        assertThat(withoutExamples).as("bodies with no example in openapi/examples.json").isEmpty();
        // every example written reaches the document: none waits for an operation that is gone or renamed
        JsonNode written = new ObjectMapper().readTree(new ClassPathResource("openapi/examples.json").getInputStream());
        int writtenCount = 0;
        for (JsonNode byName : written) {
            writtenCount += byName.size();
        }
        assertThat(examples).isEqualTo(writtenCount);
    }

    @Test
    void swaggerUiOpensForAnAdmin() {
        ResponseEntity<String> page = rest.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Swagger UI");
    }

    private List<String> responses(String method, String path) {
        JsonNode operation = doc.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        List<String> statuses = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    private List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        doc.path("paths").forEach(item -> item.fields().forEachRemaining(e -> {
            if (METHODS.contains(e.getKey())) {
                operations.add(e.getValue());
            }
        }));
        return operations;
    }
}
