package io.muster.common;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs: what Muster is, how to sign in, and the refusals every
 * operation may answer. Operations and their tags are described on the controllers; a tag that
 * several controllers share is described here, once.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BASIC = "basic";
    private static final String PROBLEM = "ProblemDetail";

    private static final String DESCRIPTION = """
            Muster runs instructor-led training on Camunda 7: courses and their sessions, booking with \
            approval, capacity and waiting lists, attendance and completion, and enrolment automation \
            (segments, enrolment keys, auto-enrol before training expires).

            Every call signs in with HTTP Basic, using the same accounts as the Camunda webapps \
            (Cockpit, Tasklist, Admin). What an account may do follows its Muster groups.

            Every refusal is `application/problem+json` (RFC 9457): a title, the status, a detail a \
            person reads and, for bad input, `errors` naming each field and why.""";

    @Bean
    OpenAPI musterOpenApi(ObjectProvider<BuildProperties> build) {
        // build-info.properties comes from the Maven build; a run straight from sources has none
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Muster API").version(properties == null ? "dev" : properties.getVersion())
                        .description(DESCRIPTION))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A Muster (Camunda) username and password.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .tags(List.of(
                        new Tag().name("Sessions").description(
                                "Dated runs of a course: schedule, publish, cancel, and mail their learners."),
                        new Tag().name("Registrations").description(
                                "Booking a seat, and each booking's answers: cancel, swap, confirm, accept, decline."),
                        new Tag().name("Rosters").description(
                                "Who is on a session: the list, bulk status changes, copies and the workbook."),
                        new Tag().name("Enrolments").description(
                                "Who is enrolled in which course, their progress, and ending or failing it.")));
    }

    /** Adds the refusals to every operation that can meet them, and lists the tags by name. */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return api -> {
            // here, not in the bean: springdoc replaces the bean's schemas with those it finds
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> addProblems(path, method, operation)));
            if (api.getTags() != null) {
                api.setTags(api.getTags().stream().sorted(Comparator.comparing(Tag::getName)).toList());
            }
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            problem(responses, "400", "Invalid input: `errors` names each field and why");
        }
        problem(responses, "401", "Not signed in: HTTP Basic credentials missing or wrong");
        problem(responses, "403", "Signed in, but this account may not do this");
        if (path.contains("{")) {
            problem(responses, "404", "Nothing found for the identifier in the path");
        }
        if (method != PathItem.HttpMethod.GET) {
            problem(responses, "409", "Refused by the current state (e.g. full, already booked); nothing changed");
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(
                        org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)) {
            problem(responses, "413", "The file is larger than the upload limit (MUSTER_UPLOAD_MAX_SIZE)");
        }
        // refusals a controller declares itself, by status and description only, answer problem+json too
        responses.forEach((status, response) -> {
            if (status.startsWith("4") && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("title"))
                .addProperty("message", new StringSchema().example("must not be blank"));
        return new ObjectSchema().description("An RFC 9457 problem: why the request was refused.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("title: must not be blank"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("The fields refused, where there are any"));
    }
}
