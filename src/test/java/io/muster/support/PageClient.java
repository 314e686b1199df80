package io.muster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Muster's pages as a browser without script uses them: a session cookie from the sign-in form,
 * plain GETs, and form posts carrying the page's CSRF token. Redirects are not followed, so a
 * test sees each answer.
 */
public final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();

    public PageClient(String baseUrl) {
        this(baseUrl, null);
    }

    public PageClient(String baseUrl, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (executor != null) {
            builder.executor(executor);
        }
        this.http = builder.build();
        this.baseUrl = baseUrl;
    }

    /** Signs in on the form; fails unless the form sends the person on. */
    public PageClient signIn(String username, String password) {
        HttpResponse<String> answer = post("/login", "/login", Map.of("username", username, "password", password));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + answer.statusCode() + " " + location);
        }
        return this;
    }

    /** The cookies this client sends, as a Cookie header's value: for requests sent some other way. */
    public String cookie() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.GET());
    }

    /** A download, as the browser would save it. */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts the form as the page at {@code formPage} would: with that page's CSRF token. */
    public HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPage).body());
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token.find()) {
            all.put("_csrf", token.group(1));
        }
        return postRaw(action, all);
    }

    /** A form post exactly as given, without a token unless the fields carry one. */
    public HttpResponse<String> postRaw(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form with a file, as the page at {@code formPage} would: multipart, with that page's CSRF token. */
    public HttpResponse<String> postFile(String formPage, String action, Map<String, String> fields, String fileField,
            String fileName, byte[] content) {
        Matcher token = CSRF.matcher(get(formPage).body());
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token.find()) {
            all.put("_csrf", token.group(1));
        }
        String boundary = "form" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
