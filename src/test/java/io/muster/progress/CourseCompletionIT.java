package io.muster.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Multi-session completion, the activity view and manual failure, through the API on PostgreSQL. */
@IntegrationTest
class CourseCompletionIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private long course(boolean allowFailure) {
        return api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("MS"), "title", "Lunch and learn",
                "kind", "ILT", "required", false, "enrolmentMethod", "SELF", "allowMultipleSessions", true,
                "allowFailure", allowFailure)).body().get("id").asLong();
    }

    private void register(long course, List<String> learners, List<Long> sessions) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/registrations",
                Map.of("usernames", learners, "sessionIds", sessions));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private void attendance(long session, String learner, String status) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/attendance",
                List.of(Map.of("username", learner, "status", status)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }


    private long trainingRecords(String learner, long course) {
        return jdbc.queryForObject("select count(*) from training_record t join person p on p.id = t.person_id"
                + " where p.username = ? and t.course_id = ?", Long.class, learner, course);
    }

    /** Just past the start of the sessions starting soon; their timers now due have fired before attendance comes. */
    private void sessionsStarted() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processDefinitionKey("registration").timers().executable().count() == 0);
    }

    @Test
    void theCourseIsCompleteOnlyWhenEveryEnrolledSessionIsAttendedWithProgressInBetween() {
        long course = course(false);
        long first = fixtures.sessionStartingSoon(course, 5);
        long second = fixtures.sessionStartingSoon(course, 5);
        String learner = fixtures.learner();
        String other = fixtures.learner();
        register(course, List.of(learner), List.of(first, second));
        register(course, List.of(other), List.of(first));

        JsonNode before = fixtures.activityOf(course, learner);
        assertThat(before.get("sessions")).extracting(s -> s.get("status").asText())
                .containsExactly("REGISTERED", "REGISTERED");
        assertThat(before.get("progress").asInt()).isZero();
        assertThat(before.get("enrolmentStatus").asText()).isEqualTo("ENROLLED");

        sessionsStarted();
        attendance(first, learner, "ATTENDED");
        attendance(first, other, "ABSENT");

        JsonNode half = fixtures.activityOf(course, learner);
        assertThat(half.get("progress").asInt()).isEqualTo(50);
        assertThat(half.get("enrolmentStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(half.get("sessions")).extracting(s -> s.get("sessionId").asLong() + ":" + s.get("status").asText())
                .containsExactly(first + ":ATTENDED", second + ":REGISTERED");
        assertThat(trainingRecords(learner, course)).isZero();
        JsonNode absent = fixtures.activityOf(course, other);
        assertThat(absent.get("sessions")).extracting(s -> s.get("status").asText()).containsExactly("ABSENT");
        assertThat(absent.get("progress").asInt()).isZero();

        attendance(second, learner, "ATTENDED");

        JsonNode done = fixtures.activityOf(course, learner);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("enrolmentStatus").asText()).isEqualTo("COMPLETED");
        assertThat(trainingRecords(learner, course)).isOne();
    }

    @Test
    void anAdminMarksTheCourseFailedOnlyWhereTheCourseAllowsFailure() {
        long failable = course(true);
        long strict = course(false);
        String learner = fixtures.learner();
        register(failable, List.of(learner), List.of(fixtures.session(failable, 5, false)));
        register(strict, List.of(learner), List.of(fixtures.session(strict, 5, false)));

        Api.Response failed = api.asAdmin(HttpMethod.POST,
                "/api/courses/" + failable + "/enrolments/" + learner + "/fail", null);
        Api.Response refused = api.asAdmin(HttpMethod.POST,
                "/api/courses/" + strict + "/enrolments/" + learner + "/fail", null);
        Api.Response byLearner = api.post(learner, Api.passwordOf(learner),
                "/api/courses/" + failable + "/enrolments/" + learner + "/fail", null);

        assertThat(failed.status()).as(failed.text()).isEqualTo(200);
        assertThat(failed.body().get("status").asText()).isEqualTo("FAILED");
        assertThat(fixtures.activityOf(failable, learner).get("enrolmentStatus").asText()).isEqualTo("FAILED");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("does not allow failure");
        assertThat(fixtures.activityOf(strict, learner).get("enrolmentStatus").asText()).isEqualTo("ENROLLED");
        assertThat(byLearner.status()).isEqualTo(403);
    }

    @Test
    void learnersMayNotReadTheActivityView() {
        String learner = fixtures.learner();
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/courses/" + course(false) + "/activity").status())
                .isEqualTo(403);
    }
}
