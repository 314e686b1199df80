package io.muster.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;


/** Calls the HTTP API as a given user, the way a client would, and reads JSON answers. */

public class Api {

    public static final String ADMIN = "itadmin";
    public static final String ADMIN_PASSWORD = "itadmin-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    public Api(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    /** A name no other test uses in the shared database. */
    public static String unique(String prefix) {
        return prefix + System.nanoTime() % 1_000_000_000L + "x" + SEQUENCE.incrementAndGet();
    }

    public Response get(String user, String password, String path) {
        return exchange(user, password, HttpMethod.GET, path, null);
    }

    public Response post(String user, String password, String path, Object body) {
        return exchange(user, password, HttpMethod.POST, path, body);
    }

    public Response put(String user, String password, String path, Object body) {
        return exchange(user, password, HttpMethod.PUT, path, body);
    }

    public Response delete(String user, String password, String path) {
        return exchange(user, password, HttpMethod.DELETE, path, null);
    }

    public Response asAdmin(HttpMethod method, String path, Object body) {
        return exchange(ADMIN, ADMIN_PASSWORD, method, path, body);
    }

    /**
     * A learner's file for a course item, handed in as the body itself (its type the Content-Type,
     * its name a parameter), as the upload operation takes it; either may be left out (null).
     */
    public Response upload(String learner, String password, long item, String fileName, String contentType,
            byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(learner, password);
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        String path = "/api/me/course-items/" + item + "/upload" + (fileName == null ? "" : "?fileName={name}");
        ResponseEntity<String> response = fileName == null
                ? rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(content, headers), String.class)
                : rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(content, headers), String.class, fileName);
        return answer(response);
    }

    /** Sends a body as it is: a String is sent verbatim, anything else as JSON. */
    public Response exchange(String user, String password, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (user != null) {
            headers.setBasicAuth(user, password);
        }
        try {
            String payload = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
            return answer(rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response answer(ResponseEntity<String> response) {
        String text = response.getBody();
        try {
            JsonNode node = text == null || text.isBlank() ? json.nullNode() : json.readTree(text);
            return new Response(response.getStatusCode().value(), node, response.getHeaders(), text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a person through the API, with the username as password. */
    public String createPerson(String username, String group, Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username,
                "password", username + "-pw", "name", "Test " + username, "email", username + "@example.org",
                "employmentType", "EMPLOYEE", "timeZone", "Europe/London", "department", "Operations",
                "jobRole", "Technician", "location", "London"));
        body.put("groups", java.util.List.of(group));
        body.putAll(overrides);
        Response r = post(ADMIN, ADMIN_PASSWORD, "/api/people", body);
        if (r.status() != 201) {
            throw new IllegalStateException("Cannot create person: " + r);
        }
        return username;
    }

    public static String passwordOf(String username) {
        return username + "-pw";
    }

    public record Response(int status, JsonNode body, HttpHeaders headers, String text) {

        public String contentType() {
            MediaType type = headers.getContentType();
            return type == null ? null : type.toString();
        }
    }
}
