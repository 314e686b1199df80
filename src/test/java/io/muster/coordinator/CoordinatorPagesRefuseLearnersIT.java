package io.muster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every coordinator and trainer page, found from the application's own mappings so that a page
 * added later is covered too, refuses a learner with Muster's 403 or 404 page, shows nothing of
 * the session, and changes nothing when posted to.
 */
@IntegrationTest
class CoordinatorPagesRefuseLearnersIT {

    @LocalServerPort
    int port;
    @Autowired
    Api api;
    @Autowired
    Fixtures fixtures;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void aLearnerGetsTheRefusalPageOnEveryAdminAndTrainerPageAndNoData() {
        long course = fixtures.course("SELF");
        long session = fixtures.session(course, 5, true, false, Map.of());
        String booked = fixtures.learner();
        fixtures.book(booked, session);
        String title = api.asAdmin(org.springframework.http.HttpMethod.GET, "/api/sessions/" + session, null).body()
                .get("title").asText();
        String learner = fixtures.learner();
        PageClient pages = new PageClient("http://localhost:" + port).signIn(learner, Api.passwordOf(learner));

        Set<String> gets = paths(RequestMethod.GET);
        assertThat(gets).as("the pages found").contains("/admin/sessions", "/admin/courses", "/admin/people",
                "/trainer/sessions");
        for (String pattern : gets) {
            String path = fill(pattern, session, course);
            HttpResponse<String> answer = pages.get(path);
            assertThat(answer.statusCode()).as(path).isIn(403, 404);
            assertThat(answer.body()).as(path).containsAnyOf("Not allowed", "Page not found")
                    .doesNotContain(title).doesNotContain(booked);
        }

        Map<String, String> before = fixtures.statusesOn(session);
        for (String pattern : paths(RequestMethod.POST)) {
            String path = fill(pattern, session, course);
            HttpResponse<String> answer = pages.post("/me/registrations", path, Map.of("status", "CANCELLED",
                    "selected", "1", "reason", "x", "title", "Changed"));
            assertThat(answer.statusCode()).as(path).isIn(403, 404);
        }
        assertThat(fixtures.statusesOn(session)).isEqualTo(before);
        assertThat(api.asAdmin(org.springframework.http.HttpMethod.GET, "/api/sessions/" + session, null).body()
                .get("status").asText()).isEqualTo("SCHEDULED");
    }

    private Set<String> paths(RequestMethod method) {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.contains(method)) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/admin/") || p.startsWith("/trainer/"))
                        .forEach(found::add);
            }
        });
        return found;
    }

    /** A real session and course behind every id, so that "not found" cannot stand in for "not allowed". */
    private static String fill(String pattern, long session, long course) {
        String path = pattern.startsWith("/admin/courses") ? pattern.replaceAll("\\{[^}]+}", Long.toString(course))
                : pattern.replaceAll("\\{[^}]+}", Long.toString(session));
        return path;
    }
}
