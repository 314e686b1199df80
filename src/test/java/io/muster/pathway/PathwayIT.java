package io.muster.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentSource;
import io.muster.people.PeopleService;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Learning pathways over HTTP on PostgreSQL: steps of e-learning and sessions ("all", "any one"), progress. */
@IntegrationTest
class PathwayIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired ManagementService management;
    @Autowired EnrolmentService enrolments;
    @Autowired PeopleService people;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private long eLearning() {
        return api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("EL"), "title", "Online basics",
                "kind", "ELEARNING", "required", false, "enrolmentMethod", "SELF",
                "launchUrl", "https://learn.example.org/basics")).body().get("id").asLong();
    }

    private Api.Response createPathway(List<Map<String, Object>> steps) {
        return api.asAdmin(HttpMethod.POST, "/api/pathways", Map.of("title", "Pathway " + Api.unique(""),
                "steps", steps));
    }

    private JsonNode progress(String learner, long pathway) {
        Api.Response r = api.get(learner, Api.passwordOf(learner), "/api/me/pathways/" + pathway);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    /** Just past the start of the sessions starting soon; their timers now due have fired before attendance comes. */
    private void sessionsStarted() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processDefinitionKey("registration").timers().executable().count() == 0);
    }

    private void attended(long session, String learner) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/attendance",
                List.of(Map.of("username", learner, "status", "ATTENDED")));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Test
    void progressPerStepAndOverallWithOneAttendanceCountingForEveryStepThatNamesTheSession() {
        long online = eLearning();
        long ilt = fixtures.course(true);
        long s1 = fixtures.sessionStartingSoon(ilt, 5);
        long s2 = fixtures.sessionStartingSoon(ilt, 5);
        long s3 = fixtures.sessionStartingSoon(ilt, 5);
        Api.Response created = createPathway(List.of(
                Map.of("courseId", online),
                Map.of("sessionIds", List.of(s1, s2), "rule", "ALL"),
                Map.of("sessionIds", List.of(s2, s3), "rule", "ANY")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long pathway = created.body().get("id").asLong();
        String learner = fixtures.learner();
        assertThat(api.asAdmin(HttpMethod.POST, "/api/courses/" + ilt + "/registrations",
                Map.of("usernames", List.of(learner), "sessionIds", List.of(s1, s2))).status()).isEqualTo(201);

        JsonNode start = progress(learner, pathway);
        assertThat(start.get("progress").asInt()).isZero();
        assertThat(start.get("completed").asBoolean()).isFalse();
        assertThat(start.get("steps")).extracting(s -> s.get("position").asInt()).containsExactly(1, 2, 3);

        sessionsStarted();
        attended(s2, learner);

        JsonNode shared = progress(learner, pathway);
        assertThat(shared.get("steps")).extracting(s -> s.get("progress").asInt()).containsExactly(0, 50, 100);
        assertThat(shared.get("steps")).extracting(s -> s.get("done").asBoolean()).containsExactly(false, false, true);
        assertThat(shared.get("progress").asInt()).isEqualTo(50);

        attended(s1, learner);
        long personId = people.get(learner).getId();
        enrolments.enrol(personId, online, EnrolmentSource.MANUAL, "test");
        enrolments.recordProgress(personId, online, 100);

        JsonNode done = progress(learner, pathway);
        assertThat(done.get("steps")).extracting(s -> s.get("done").asBoolean()).containsExactly(true, true, true);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("completed").asBoolean()).isTrue();
    }

    @Test
    void anotherLearnersAttendanceDoesNotCount() {
        long ilt = fixtures.course(true);
        long s1 = fixtures.sessionStartingSoon(ilt, 5);
        long pathway = createPathway(List.of(Map.of("sessionIds", List.of(s1), "rule", "ANY")))
                .body().get("id").asLong();
        String attendee = fixtures.learner();
        String other = fixtures.learner();
        fixtures.book(attendee, s1);

        sessionsStarted();
        attended(s1, attendee);

        assertThat(progress(attendee, pathway).get("completed").asBoolean()).isTrue();
        assertThat(progress(other, pathway).get("progress").asInt()).isZero();
    }

    @Test
    void onlyAdminsDefinePathwaysAndStepsMustMakeSense() {
        String learner = fixtures.learner();
        long ilt = fixtures.course(true);

        Api.Response byLearner = api.post(learner, Api.passwordOf(learner), "/api/pathways",
                Map.of("title", "Mine", "steps", List.of(Map.of("courseId", eLearning()))));
        Api.Response iltAsCourse = createPathway(List.of(Map.of("courseId", ilt)));
        Api.Response noRule = createPathway(List.of(Map.of("sessionIds", List.of(fixtures.session(ilt, 5, false)))));

        assertThat(byLearner.status()).isEqualTo(403);
        assertThat(iltAsCourse.status()).isEqualTo(400);
        assertThat(iltAsCourse.body().get("errors").get(0).get("field").asText()).isEqualTo("steps[0].courseId");
        assertThat(noRule.status()).isEqualTo(400);
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/me/pathways/999999999").status()).isEqualTo(404);
    }

    @Test
    void anAdminReplacesAPathwaysStepsAndLearnersProgressFollowsAtOnce() {
        long first = eLearning();
        long second = eLearning();
        String learner = fixtures.learner();
        long personId = people.get(learner).getId();
        enrolments.enrol(personId, first, io.muster.enrolment.EnrolmentSource.MANUAL, Api.ADMIN);
        enrolments.recordProgress(personId, first, 100);
        long pathway = createPathway(List.of(Map.of("courseId", first))).body().get("id").asLong();
        assertThat(progress(learner, pathway).get("completed").asBoolean()).isTrue();

        Api.Response updated = api.asAdmin(HttpMethod.PUT, "/api/pathways/" + pathway, Map.of("title", "Renamed",
                "steps", List.of(Map.of("courseId", second), Map.of("courseId", first))));

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        JsonNode read = api.asAdmin(HttpMethod.GET, "/api/pathways/" + pathway, null).body();
        assertThat(read.get("title").asText()).isEqualTo("Renamed");
        assertThat(read.get("steps")).extracting(st -> st.get("position").asInt() + ":" + st.get("courseId").asLong())
                .containsExactly("1:" + second, "2:" + first);
        JsonNode mine = progress(learner, pathway);
        assertThat(mine.get("completed").asBoolean()).isFalse();
        assertThat(mine.get("progress").asInt()).isEqualTo(50);
        assertThat(mine.get("steps")).extracting(st -> st.get("done").asBoolean()).containsExactly(false, true);
    }

    @Test
    void aRefusedEditChangesNothingAndOnlyAdminsEditOrDelete() {
        long course = eLearning();
        long pathway = createPathway(List.of(Map.of("courseId", course))).body().get("id").asLong();
        String learner = fixtures.learner();

        Api.Response badStep = api.asAdmin(HttpMethod.PUT, "/api/pathways/" + pathway, Map.of("title", "Broken",
                "steps", List.of(Map.of("courseId", course), Map.of("courseId", 999_999_999L))));
        Api.Response noSteps = api.asAdmin(HttpMethod.PUT, "/api/pathways/" + pathway,
                Map.of("title", "Empty", "steps", List.of()));
        Api.Response byLearner = api.put(learner, Api.passwordOf(learner), "/api/pathways/" + pathway,
                Map.of("title", "Mine", "steps", List.of(Map.of("courseId", course))));
        Api.Response deleteByLearner = api.delete(learner, Api.passwordOf(learner), "/api/pathways/" + pathway);
        Api.Response unknown = api.asAdmin(HttpMethod.PUT, "/api/pathways/999999999",
                Map.of("title", "Nothing", "steps", List.of(Map.of("courseId", course))));

        assertThat(badStep.status()).isEqualTo(400);
        assertThat(badStep.contentType()).startsWith("application/problem+json");
        assertThat(badStep.body().get("errors").get(0).get("field").asText()).isEqualTo("steps[1].courseId");
        assertThat(noSteps.status()).isEqualTo(400);
        assertThat(byLearner.status()).isEqualTo(403);
        assertThat(deleteByLearner.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        JsonNode read = api.asAdmin(HttpMethod.GET, "/api/pathways/" + pathway, null).body();
        assertThat(read.get("title").asText()).startsWith("Pathway ");
        assertThat(read.get("steps")).extracting(st -> st.get("courseId").asLong()).containsExactly(course);
    }

    @Test
    void aDeletedPathwayIsGoneForAdminsAndLearners() {
        long pathway = createPathway(List.of(Map.of("courseId", eLearning()))).body().get("id").asLong();
        String learner = fixtures.learner();

        Api.Response deleted = api.asAdmin(HttpMethod.DELETE, "/api/pathways/" + pathway, null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/pathways/" + pathway, null).status()).isEqualTo(404);
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/me/pathways/" + pathway).status()).isEqualTo(404);
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/pathways/" + pathway, null).status()).isEqualTo(404);
    }
}
