package io.muster.rulechange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.Api;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Changed versions of the project's decision tables, edited as an analyst would in Camunda Modeler. */
public final class RuleTables {

    private RuleTables() {
    }

    public static String original(String key) {
        try {
            return Files.readString(Path.of("dmn", key + ".dmn"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table with one more rule on top: its input entries and output entries in column order. */
    public static String withFirstRule(String xml, String id, String[] inputs, String[] outputs) {
        StringBuilder rule = new StringBuilder("<rule id=\"" + id + "\">\n");
        for (int i = 0; i < inputs.length; i++) {
            rule.append("<inputEntry id=\"").append(id).append("_in").append(i).append("\"><text>")
                    .append(escape(inputs[i])).append("</text></inputEntry>\n");
        }
        for (int i = 0; i < outputs.length; i++) {
            rule.append("<outputEntry id=\"").append(id).append("_out").append(i).append("\"><text>")
                    .append(escape(outputs[i])).append("</text></outputEntry>\n");
        }
        rule.append("</rule>\n      ");
        int first = xml.indexOf("<rule id=");
        return xml.substring(0, first) + rule + xml.substring(first);
    }

    /** The table with the input expression of one column (by its input id) replaced, and its allowed values dropped. */
    public static String withInputExpression(String xml, String inputId, String expression, String typeRef) {
        Pattern input = Pattern.compile("(?s)(<input id=\"" + Pattern.quote(inputId) + "\".*?<inputExpression[^>]*typeRef=\")"
                + "[^\"]*(\"[^>]*>\\s*<text>)[^<]*(</text>\\s*</inputExpression>)(\\s*<inputValues.*?</inputValues>)?");
        Matcher m = input.matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("No input " + inputId);
        }
        return xml.substring(0, m.start()) + m.group(1) + typeRef + m.group(2) + escape(expression) + m.group(3)
                + xml.substring(m.end());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Posts a table to the rules API as a multipart form (the file, and a comment when given), as a user. */
    public static Api.Response upload(TestRestTemplate rest, ObjectMapper json, String user, String password,
            String path, String table, String comment) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(table.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "table.dmn";
            }
        });
        if (comment != null) {
            parts.add("comment", comment);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setBasicAuth(user, password);
        ResponseEntity<String> answer = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
        try {
            String text = answer.getBody();
            return new Api.Response(answer.getStatusCode().value(),
                    text == null ? json.nullNode() : json.readTree(text), answer.getHeaders(), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
