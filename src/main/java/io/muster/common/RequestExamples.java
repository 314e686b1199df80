package io.muster.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Gives each operation that takes a body the request examples of {@code openapi/examples.json}:
 * keyed by "METHOD path", each named for the role that sends it ("As a learner"), with a summary,
 * a description saying what to replace and, for JSON, the body. Ids in the bodies are the demo
 * data's. A date is written {@code {{today+30}}} (09:00 UTC, 30 days from the day the document is
 * made), so that an example still works however long after it was written it is read.
 */
@Component
class RequestExamples implements OpenApiCustomizer {

    private static final Pattern DAYS_FROM_TODAY = Pattern.compile("\\{\\{today([+-]\\d+)}}");

    private final ObjectMapper json;
    private final Clock clock;
    private final Resource examples;

    RequestExamples(ObjectMapper json, Clock clock, @Value("classpath:openapi/examples.json") Resource examples) {
        this.json = json;
        this.clock = clock;
        this.examples = examples;
    }

    @Override
    public void customise(OpenAPI api) {
        JsonNode all = read();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                addExamples(operation, all.path(method + " " + path))));
    }

    private void addExamples(Operation operation, JsonNode examplesByName) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        // every media type the body may come in shows the same examples
        operation.getRequestBody().getContent().values().forEach(media -> examplesByName.fields()
                .forEachRemaining(named -> media.addExamples(named.getKey(), example(named.getValue()))));
    }

    private Example example(JsonNode node) {
        Example example = new Example().summary(node.path("summary").asText(null))
                .description(node.path("description").asText(null));
        if (node.has("value")) {
            example.setValue(json.convertValue(node.get("value"), Object.class));
        }
        return example;
    }

    private JsonNode read() {
        try {
            String text = examples.getContentAsString(StandardCharsets.UTF_8);
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            String dated = DAYS_FROM_TODAY.matcher(text).replaceAll(days -> today.plusDays(Long.parseLong(days.group(1)))
                    .atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC).toString());
            return json.readTree(dated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
