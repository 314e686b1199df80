package io.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.PageClient;
import io.muster.support.Roles;
import io.muster.support.RowDigest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who reaches which page: every page Muster serves (found from the application's own mappings) ×
 * every role, signed in on the login form. "ok" is the page (200), "no" a refusal (403, or 404 for
 * what the viewer may not know exists), "login" the way to the sign-in form, "sessions" the way to
 * the sessions page. The learner owns
 * the registration the paths name; "other" is another learner; "trainer" trains the session;
 * "otherTrainer" trains other sessions only.
 */
@IntegrationTest
class PageMatrixIT {

    private static final List<String> ROLES = Roles.ALL;

    /** Per page: its path pattern, then one cell per role in the order of {@link Roles#ALL}. */
    private static final String[][] MATRIX = {
            // learners start on their sessions; everyone else on the start page that lists their tools
            {"/", "login", "sessions", "sessions", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"/sessions", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"/sessions/{session}", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"/me/registrations", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            // the test's admin is an account without a learner profile: an empty list, like anyone with no courses
            {"/me/courses", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"/registrations/{registration}", "login", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/registrations/{registration}/calendar.ics", "login", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/registrations/{registration}/cancel", "login", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/trainer/sessions", "login", "no", "no", "ok", "ok", "no", "no", "no", "ok"},
            {"/trainer/sessions/{session}", "login", "no", "no", "ok", "no", "no", "no", "no", "ok"},
            {"/admin/sessions", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/new", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/sessions/{session}", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/edit", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/sessions/{session}/roster", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster.xlsx", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster/add", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/cancel", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/approvals", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/courses", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/courses/new", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/courses/{course}", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/courses/{course}/edit", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/courses/{course}/items/{item}/remove", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/keys", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/keys/new", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/keys/{key}", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/people", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/people/new", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/people/{learner}/edit", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments/new", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments/{segment}", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments/{segment}/delete", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/pathways", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/pathways/new", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/pathways/{pathway}", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/pathways/{pathway}/delete", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            // analysts (and admins): changed decision tables, their versions and differences
            {"/analyst/rules", "login", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            {"/analyst/rules/{rule}/versions", "login", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            {"/analyst/rules/{rule}/diff", "login", "no", "no", "no", "no", "no", "ok", "no", "ok"},
    };

    /**
     * Per form a page posts: its action, then one cell per role. "ok" is reached: the form's own
     * answer, whatever it makes of the empty form (done, redirected, 400 or 409 with a page saying
     * why), never a refusal, a sign-in or a 5xx; "no" a refusal that changed no row; "login" the
     * way to the sign-in form, changing nothing.
     */
    private static final String[][] FORMS = {
            // anyone signed in books, redeems a key and hands in course work, for themselves (the test's
            // admin has no learner profile to book with)
            {"/sessions/{session}/registrations", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "no"},
            {"/me/enrolment-keys", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"/me/course-items/{item}/upload", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            {"/me/course-items/{item}/evaluation", "login", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"},
            // a registration is answered by its learner, the enrolment manager and the admin
            {"/registrations/{registration}/confirm", "login", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/registrations/{registration}/accept", "login", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/registrations/{registration}/decline", "login", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/registrations/{registration}/cancel", "login", "ok", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/trainer/sessions/{session}/attendance", "login", "no", "no", "ok", "no", "no", "no", "no", "ok"},
            {"/admin/sessions/new", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/sessions/{session}/edit", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/sessions/{session}/roster/status", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster/attendance", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster/copy", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster/swap", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster/add/book", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster/add/invite", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/roster/add/draft", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/sessions/{session}/publish", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/sessions/{session}/cancel", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/keys", "login", "no", "no", "no", "no", "no", "no", "ok", "ok"},
            {"/admin/courses", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/courses/{course}/edit", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/courses/{course}/items", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/courses/{course}/auto-enrol", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/courses/{course}/auto-enrol/runs", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/courses/{course}/items/{item}/remove", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/people", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/people/{learner}/edit", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments/{segment}", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments/{segment}/courses", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments/{segment}/courses/{linked}/unlink", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/segments/{segment}/delete", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/pathways", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/pathways/{pathway}", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/admin/pathways/{pathway}/delete", "login", "no", "no", "no", "no", "no", "no", "no", "ok"},
            {"/analyst/rules/preview", "login", "no", "no", "no", "no", "no", "ok", "no", "ok"},
            {"/analyst/rules/deploy", "login", "no", "no", "no", "no", "no", "ok", "no", "ok"},
    };

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @LocalServerPort int port;

    /** What the matrices visit: the ids their paths name, and a client signed in per role. */
    private record Stage(Map<String, String> ids, Map<String, PageClient> clients) {

        String path(String pattern) {
            String path = pattern;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace("{" + id.getKey() + "}", id.getValue());
            }
            return path;
        }
    }

    @Test
    void everyRoleReachesExactlyThePagesTheMatrixSays() {
        Stage stage = stage();
        List<String> failures = new ArrayList<>();
        for (String[] row : MATRIX) {
            String path = stage.path(row[0]);
            for (int r = 0; r < ROLES.size(); r++) {
                HttpResponse<String> answer = stage.clients().get(ROLES.get(r)).get(path);
                if (!fits(row[r + 1], answer)) {
                    failures.add(ROLES.get(r) + " " + path + ": expected " + row[r + 1] + ", got "
                            + answer.statusCode() + " " + answer.headers().firstValue("Location").orElse(""));
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(unlisted(MATRIX, RequestMethod.GET)).as("pages with no row in the matrix").isEmpty();
    }

    /**
     * Every form post × every role, with the page's CSRF token, so that only who is asking decides:
     * the refusals first, each checked to have changed no row, then the posts that are let through.
     */
    @Test
    void everyRolePostsExactlyTheFormsTheMatrixSaysAndARefusedPostChangesNothing() {
        Stage stage = stage();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (boolean allowed : new boolean[] {false, true}) {
            for (String[] row : FORMS) {
                String action = stage.path(row[0]);
                for (int r = 0; r < ROLES.size(); r++) {
                    if (row[r + 1].equals("ok") != allowed) {
                        continue;
                    }
                    String role = ROLES.get(r);
                    String before = allowed ? null : RowDigest.of(jdbc);
                    HttpResponse<String> answer = stage.clients().get(role)
                            .post(role.equals("anonymous") ? "/login" : "/sessions", action, Map.of());
                    tried++;
                    String got = answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
                    String expected = allowed ? "reached" : row[r + 1];
                    if (!fits(expected, answer)) {
                        failures.add(role + " POST " + action + ": expected " + expected + ", got " + got);
                    } else if (!allowed && !before.equals(RowDigest.of(jdbc))) {
                        failures.add(role + " POST " + action + ": refused (" + got + ") but changed rows");
                    }
                }
            }
        }
        System.out.println("PageMatrixIT: " + tried + " form posts tried, " + failures.size() + " wrong");
        assertThat(failures).isEmpty();
        assertThat(unlisted(FORMS, RequestMethod.POST)).as("forms with no row in the matrix").isEmpty();
    }

    private Stage stage() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        Map<String, String> users = Roles.people(api, fixtures, trainer);
        long course = fixtures.course("SELF");
        long session = fixtures.sessionTrainedBy(trainer, 5, true, false);
        long registration = fixtures.book(users.get("learner"), session).body().get("id").asLong();
        Map<String, String> ids = new java.util.HashMap<>(Map.of("session", Long.toString(session), "course", Long.toString(course),
                "registration", Long.toString(registration), "learner", users.get("learner"),
                "item", created("/api/courses/" + course + "/items", Map.of("kind", "UPLOAD", "title", "Item",
                        "required", true), "id"),
                "key", created("/api/enrolment-keys", Map.of("courseId", course, "sessionIds",
                        List.of(fixtures.session(course, 5, false, false, Map.of())), "maxUses", 3,
                        "expiresAt", java.time.OffsetDateTime.now().plusDays(30).toString()), "code"),
                "segment", Long.toString(fixtures.segment(Map.of("department", List.of("Sales")))),
                "rule", "session-visibility",
                "pathway", created("/api/pathways", Map.of("title", Api.unique("Pathway"),
                        "steps", List.of(Map.of("sessionIds", List.of(session), "rule", "ANY"))), "id")));
        // a course the segment enrols, to unlink
        long linked = fixtures.course("ASSIGNMENT_ONLY");
        created("/api/segments/" + ids.get("segment") + "/courses", Map.of("courseId", linked), "id");
        ids.put("linked", Long.toString(linked));
        String base = "http://localhost:" + port;
        Map<String, PageClient> clients = new LinkedHashMap<>();
        clients.put("anonymous", new PageClient(base));
        users.forEach((role, user) -> clients.put(role, new PageClient(base)
                .signIn(user, Roles.passwordOf(role, user))));
        return new Stage(ids, clients);
    }

    private String created(String path, Map<String, Object> body, String field) {
        Api.Response answer = api.asAdmin(org.springframework.http.HttpMethod.POST, path, body);
        assertThat(answer.status()).as(path + " " + answer.text()).isEqualTo(201);
        return answer.body().get(field).asText();
    }

    private static boolean fits(String expected, HttpResponse<String> answer) {
        return switch (expected) {
            case "ok" -> answer.statusCode() == 200;
            case "reached" -> answer.statusCode() < 500 && answer.statusCode() != 401 && answer.statusCode() != 403
                    && answer.statusCode() != 404
                    && !answer.headers().firstValue("Location").orElse("").endsWith("/login");
            case "no" -> answer.statusCode() == 403 || answer.statusCode() == 404;
            case "login" -> answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").endsWith("/login");
            case "sessions" -> answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").endsWith("/sessions");
            default -> throw new IllegalArgumentException(expected);
        };
    }

    /** Page mappings of the method that no row names: a new page or form needs its row. */
    private Set<String> unlisted(String[][] rows, RequestMethod method) {
        Set<String> listed = new TreeSet<>();
        for (String[] row : rows) {
            listed.add(row[0].replaceAll("\\{[^}]+}", "{}"));
        }
        Set<String> missing = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.contains(method) || methods.isEmpty()) {
                info.getPatternValues().stream()
                        .filter(p -> !p.startsWith("/api/") && !p.startsWith("/error") && !p.equals("/login")
                                && !p.startsWith("/v3/") && !p.startsWith("/swagger"))
                        .map(p -> p.replaceAll("\\{[^}]+}", "{}"))
                        .filter(p -> !listed.contains(p))
                        .forEach(missing::add);
            }
        });
        return missing;
    }
}
