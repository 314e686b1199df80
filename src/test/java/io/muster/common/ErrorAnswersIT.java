package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error the API answers is problem+json with a title a person reads, including those Spring
 * and Tomcat make before any controller runs; every page path answers Muster's HTML error page.
 * Requests go over a plain socket so that nothing between the test and Tomcat tidies them first.
 */
@IntegrationTest
class ErrorAnswersIT {

    private static final String LONG = "x".repeat(10_000);
    /** Above Tomcat's own limit: refused before Muster sees the request. */
    private static final String HUGE = "x".repeat(70_000);

    @org.springframework.beans.factory.annotation.Autowired
    Api api;

    private String cookie;

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/no-such-thing                 |                                          | 404
            DELETE | /api/courses                       |                                          | 405
            POST   | /api/courses                       | Content-Type: text/plain                 | 415
            GET    | /api/courses                       | Accept: application/xml                  | 406
            GET    | /api/sessions/not-a-number         |                                          | 400
            GET    | /api/sessions/1%2F2                |                                          | 400
            GET    | /api/sessions/%                    |                                          | 400
            GET    | /api/courses?q=LONG                |                                          | 414
            GET    | /api/courses                       | X-Padding: LONG                          | 431
            GET    | /api/courses                       | X-Padding: HUGE                          | 400
            GET    | /api/courses?q=HUGE                |                                          | 400
            """)
    void theApiAnswersEveryErrorAsProblemJson(String method, String path, String header, int status) throws IOException {
        Answer answer = send(method, path, header);
        assertThat(answer.status).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body).as(answer.toString()).contains("\"title\"").contains("\"status\":" + status)
                .doesNotContain("Whitelabel").doesNotContain("Apache Tomcat");
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /no-such-page                      |                                          | 404
            GET    | /sessions/not-a-number             |                                          | 400
            DELETE | /sessions                          |                                          | 403
            GET    | /sessions/1%2F2                    |                                          | 400
            GET    | /login?q=LONG                      |                                          | 414
            GET    | /login                             | X-Padding: LONG                          | 431
            GET    | /login                             | X-Padding: HUGE                          | 400
            """)
    void pagesAnswerMustersErrorPage(String method, String path, String header, int status) throws IOException {
        Answer answer = send(method, path, header);
        assertThat(answer.status).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("text/html");
        assertThat(answer.body).as(answer.toString()).contains("<title>").contains("Muster")
                .doesNotContain("Whitelabel").doesNotContain("Apache Tomcat");
    }

    private Answer send(String method, String path, String header) throws IOException {
        boolean api = path.startsWith("/api") || path.startsWith("/engine-rest");
        StringBuilder request = new StringBuilder().append(method).append(' ').append(expand(path))
                .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        if (api) {
            request.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(
                    (Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        } else {
            request.append("Accept: text/html\r\nCookie: ").append(signedInCookie()).append("\r\n");
        }
        if (header != null) {
            request.append(expand(header)).append("\r\n");
        }
        boolean body = method.equals("POST");
        request.append(body ? "Content-Length: 2\r\n\r\nhi" : "\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    private static String expand(String text) {
        return text.replace("HUGE", HUGE).replace("LONG", LONG);
    }

    /** Pages answer only a signed-in person; anyone else is sent to the sign-in page first. */
    private String signedInCookie() {
        if (cookie == null) {
            String learner = api.createPerson(Api.unique("learner"), io.muster.security.MusterGroups.LEARNERS,
                    java.util.Map.of());
            cookie = new io.muster.support.PageClient("http://localhost:" + port)
                    .signIn(learner, Api.passwordOf(learner)).cookie();
        }
        return cookie;
    }

    private record Answer(int status, String head, String body) {

        static Answer read(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, split < 0 ? "" : text.substring(split + 4));
        }

        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring(13).strip();
                }
            }
            return "";
        }

        @Override
        public String toString() {
            return head + "\n\n" + body.substring(0, Math.min(body.length(), 600));
        }
    }
}
