package io.muster.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CourseApiIT {

    @Autowired Api api;
    @Autowired CourseRepository courses;

    static Map<String, Object> course(String code) {
        return new HashMap<>(Map.of("code", code, "title", "Fire Safety", "kind", "ILT", "required", true,
                "validityMonths", 12, "enrolmentMethod", "SELF", "allowMultipleSessions", true, "allowFailure", false));
    }

    @Test
    void adminCreatesReadsListsAndEditsACourse() {
        String code = Api.unique("FS");
        Api.Response created = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses", course(code));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("validityMonths").asInt()).isEqualTo(12);
        assertThat(created.body().get("allowMultipleSessions").asBoolean()).isTrue();

        assertThat(api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses/" + id).body().get("code").asText())
                .isEqualTo(code);
        assertThat(api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses").text()).contains(code);

        Map<String, Object> edit = course(code);
        edit.put("title", "Fire Safety Refresher");
        edit.remove("validityMonths");
        Api.Response edited = api.put(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses/" + id, edit);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().has("validityMonths")).as("null validity: never expires").isFalse();
        assertThat(courses.findById(id).orElseThrow().getTitle()).isEqualTo("Fire Safety Refresher");
    }

    @Test
    void badCoursesAreRefusedNamingTheField() {
        Map<String, Map<String, Object>> cases = Map.of(
                "kind", Map.of("kind", "WEBINAR"),
                "validityMonths", Map.of("validityMonths", 0),
                "title", Map.of("title", ""),
                "launchUrl", Map.of("kind", "ELEARNING"),
                "enrolmentMethod", Map.of("enrolmentMethod", "LOTTERY"));
        cases.forEach((field, change) -> {
            String code = Api.unique("BAD");
            Map<String, Object> body = course(code);
            body.putAll(change);
            Api.Response r = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses", body);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.text()).as(field).contains("\"field\":\"" + field + "\"");
            assertThat(courses.findByCode(code)).as(field).isEmpty();
        });
    }

    @Test
    void aDuplicateCodeIsAConflict() {
        String code = Api.unique("DUP");
        assertThat(api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses", course(code)).status()).isEqualTo(201);
        Api.Response again = api.post(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses", course(code));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("\"field\":\"code\"");
    }

    @Test
    void learnersReadTheCatalogueButCannotChangeIt() {
        String learner = api.createPerson(Api.unique("reader"), MusterGroups.LEARNERS, Map.of());
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/courses").status()).isEqualTo(200);
        assertThat(api.post(learner, Api.passwordOf(learner), "/api/courses", course(Api.unique("NO"))).status())
                .isEqualTo(403);
    }

    @Test
    void unknownCourseIs404AndANonNumericIdIs400() {
        assertThat(api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses/987654321").status()).isEqualTo(404);
        assertThat(api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/courses/abc").status()).isEqualTo(400);
    }
}
