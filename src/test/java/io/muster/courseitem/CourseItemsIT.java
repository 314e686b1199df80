package io.muster.courseitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Required uploads and evaluations count in multi-session course progress and completion (seed
 * 000), through the API on PostgreSQL; bad uploads are refused with problem+json and store nothing.
 */
@IntegrationTest
class CourseItemsIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired EnrolmentService enrolments;
    @Autowired PeopleService people;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private long course(String kind) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("CI"),
                "title", "Safety series", "kind", kind, "required", false, "enrolmentMethod", "SELF",
                "allowMultipleSessions", kind.equals("ILT"), "launchUrl", "https://learn.example.org/safety"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private Api.Response addItem(long course, String kind, String title, boolean required, List<String> questions) {
        return api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/items",
                questions == null ? Map.of("kind", kind, "title", title, "required", required)
                        : Map.of("kind", kind, "title", title, "required", required, "questions", questions));
    }

    private long item(long course, String kind, String title, boolean required, List<String> questions) {
        Api.Response r = addItem(course, kind, title, required, questions);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private Api.Response upload(String learner, long item, String fileName, String contentType, byte[] content) {
        return api.upload(learner, Api.passwordOf(learner), item, fileName, contentType, content);
    }

    private Api.Response evaluate(String learner, long item, List<String> answers) {
        return api.put(learner, Api.passwordOf(learner), "/api/me/course-items/" + item + "/evaluation",
                Map.of("answers", answers));
    }


    private long trainingRecords(String learner, long course) {
        return jdbc.queryForObject("select count(*) from training_record t join person p on p.id = t.person_id"
                + " where p.username = ? and t.course_id = ?", Long.class, learner, course);
    }

    private void register(long course, String learner, long session) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/registrations",
                Map.of("usernames", List.of(learner), "sessionIds", List.of(session)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    void theCourseCompletesOnlyOnceTheSessionIsAttendedAndEveryRequiredItemIsHandedIn() {
        long course = course("ILT");
        long session = fixtures.sessionStartingSoon(course, 5);
        long upload = item(course, "UPLOAD", "Signed risk assessment", true, null);
        long evaluation = item(course, "EVALUATION", "Course feedback", true, List.of("What did you learn?", "Rate it"));
        long optional = item(course, "UPLOAD", "Photos (optional)", false, null);
        String learner = fixtures.learner();
        register(course, learner, session);

        JsonNode before = fixtures.activityOf(course, learner);
        assertThat(before.get("progress").asInt()).isZero();
        assertThat(before.get("items")).extracting(i -> i.get("itemId").asLong() + ":" + i.get("done").asBoolean())
                .containsExactly(upload + ":false", evaluation + ":false", optional + ":false");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processDefinitionKey("registration").timers().executable().count() == 0);
        Api.Response attended = api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/attendance",
                List.of(Map.of("username", learner, "status", "ATTENDED")));
        assertThat(attended.status()).as(attended.text()).isEqualTo(200);
        // one of three items: the session; the optional upload counts for nothing
        assertThat(fixtures.activityOf(course, learner).get("progress").asInt()).isEqualTo(33);
        assertThat(trainingRecords(learner, course)).isZero();

        byte[] pdf = "%PDF-1.4 risk assessment".getBytes(StandardCharsets.US_ASCII);
        Api.Response uploaded = upload(learner, upload, "risk assessment.pdf", "application/pdf", pdf);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(200);
        assertThat(uploaded.body().get("size").asLong()).isEqualTo(pdf.length);
        assertThat(fixtures.activityOf(course, learner).get("progress").asInt()).isEqualTo(66);
        assertThat(fixtures.activityOf(course, learner).get("enrolmentStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(trainingRecords(learner, course)).isZero();

        Api.Response answered = evaluate(learner, evaluation, List.of("Lifting safely", "5"));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);

        JsonNode done = fixtures.activityOf(course, learner);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("enrolmentStatus").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("items")).extracting(i -> i.get("done").asBoolean()).containsExactly(true, true, false);
        assertThat(trainingRecords(learner, course)).isOne();

        Api.Response mine = api.get(learner, Api.passwordOf(learner), "/api/people/" + learner + "/enrolments");
        assertThat(mine.body()).filteredOn(e -> e.get("courseId").asLong() == course)
                .extracting(e -> e.get("progress").asInt() + ":" + e.get("status").asText())
                .containsExactly("100:COMPLETED");
        Api.Response progress = api.get(learner, Api.passwordOf(learner),
                "/api/people/" + learner + "/courses/" + course + "/progress");
        assertThat(progress.status()).as(progress.text()).isEqualTo(200);
        assertThat(progress.body().get("progress").asInt()).isEqualTo(100);
        assertThat(progress.body().get("sessions")).extracting(s -> s.get("status").asText()).containsExactly("ATTENDED");

        ResponseEntity<byte[]> file = rest.withBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)
                .getForEntity("/api/course-items/" + upload + "/uploads/" + learner, byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getBody()).isEqualTo(pdf);
        assertThat(file.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("risk assessment.pdf");
        Api.Response answers = api.asAdmin(HttpMethod.GET,
                "/api/course-items/" + evaluation + "/evaluations/" + learner, null);
        assertThat(answers.body().get("answers")).extracting(JsonNode::asText).containsExactly("Lifting safely", "5");
    }

    @Test
    void addingOrRemovingARequiredItemMovesTheStoredProgressAndRemovingTheLastMissingOneCompletes() {
        long course = course("ILT");
        long session = fixtures.sessionStartingSoon(course, 5);
        long first = item(course, "UPLOAD", "Risk assessment", true, null);
        String learner = fixtures.learner();
        register(course, learner, session);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))));
        await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processDefinitionKey("registration").timers().executable().count() == 0);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/attendance",
                List.of(Map.of("username", learner, "status", "ATTENDED"))).status()).isEqualTo(200);
        assertThat(storedProgress(learner, course)).isEqualTo("50:IN_PROGRESS");

        long second = item(course, "EVALUATION", "Feedback", true, List.of("How was it?"));
        assertThat(storedProgress(learner, course)).isEqualTo("33:IN_PROGRESS");

        String otherLearner = fixtures.learner();
        assertThat(api.delete(otherLearner, Api.passwordOf(otherLearner),
                "/api/courses/" + course + "/items/" + first).status()).isEqualTo(403);
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/courses/" + course("ILT") + "/items/" + first, null).status())
                .isEqualTo(404);
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/courses/" + course + "/items/" + first, null).status())
                .isEqualTo(204);
        assertThat(storedProgress(learner, course)).isEqualTo("50:IN_PROGRESS");
        assertThat(trainingRecords(learner, course)).isZero();
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/courses/" + course + "/items/" + second, null).status())
                .isEqualTo(204);

        assertThat(storedProgress(learner, course)).isEqualTo("100:COMPLETED");
        assertThat(trainingRecords(learner, course)).isOne();
        assertThat(fixtures.activityOf(course, learner).get("items")).isEmpty();
    }

    private String storedProgress(String learner, long course) {
        Api.Response mine = api.get(learner, Api.passwordOf(learner), "/api/people/" + learner + "/enrolments");
        JsonNode enrolment = null;
        for (JsonNode e : mine.body()) {
            if (e.get("courseId").asLong() == course) {
                enrolment = e;
            }
        }
        assertThat(enrolment).as(mine.text()).isNotNull();
        return enrolment.get("progress").asInt() + ":" + enrolment.get("status").asText();
    }

    @Test
    void handingInTheItemsWithoutAttendingNeverCompletesTheCourse() {
        long course = course("ILT");
        long upload = item(course, "UPLOAD", "Pre-work", true, null);
        String learner = fixtures.learner();
        register(course, learner, fixtures.session(course, 5, false));

        assertThat(upload(learner, upload, "prework.txt", "text/plain; charset=UTF-8", "done".getBytes()).status())
                .isEqualTo(200);

        JsonNode line = fixtures.activityOf(course, learner);
        assertThat(line.get("progress").asInt()).isEqualTo(50);
        assertThat(line.get("enrolmentStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(trainingRecords(learner, course)).isZero();
    }

    @Test
    void badUploadsAndAnswersAreRefusedWithProblemDetailsAndStoreNothing() {
        long course = course("ILT");
        long upload = item(course, "UPLOAD", "Certificate", true, null);
        long evaluation = item(course, "EVALUATION", "Quiz", true, List.of("One?", "Two?"));
        String learner = fixtures.learner();
        register(course, learner, fixtures.session(course, 5, false));
        byte[] some = "x".getBytes();

        assertRefused(upload(learner, upload, "cert.exe", "application/x-msdownload", some), 400, "contentType");
        assertRefused(upload(learner, upload, "cert.html", "text/html", some), 400, "contentType");
        assertRefused(upload(learner, upload, null, "application/pdf", some), 400, "fileName");
        assertRefused(upload(learner, upload, "../etc/passwd", "application/pdf", some), 400, "fileName");
        assertRefused(upload(learner, upload, "a".repeat(256) + ".pdf", "application/pdf", some), 400, "fileName");
        assertRefused(upload(learner, upload, "empty.pdf", "application/pdf", new byte[0]), 400, "file");
        byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(tooBig, (byte) 'a');
        assertRefused(upload(learner, upload, "big.txt", "text/plain", tooBig), 413, "file");
        assertRefused(evaluate(learner, evaluation, List.of("only one")), 400, "answers");
        Api.Response blank = evaluate(learner, evaluation, List.of("one", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");

        Api.Response wrongKind = evaluate(learner, upload, List.of("x"));
        assertThat(wrongKind.status()).isEqualTo(409);
        String stranger = fixtures.learner();
        Api.Response notOnCourse = upload(stranger, upload, "cert.pdf", "application/pdf", some);
        assertThat(notOnCourse.status()).isEqualTo(409);
        assertThat(notOnCourse.body().get("detail").asText()).contains("not enrolled");
        assertThat(upload(learner, 999_999_999L, "cert.pdf", "application/pdf", some).status()).isEqualTo(404);

        assertThat(jdbc.queryForObject("select count(*) from course_item_submission where item_id in (?, ?)",
                Long.class, upload, evaluation)).isZero();
        assertThat(fixtures.activityOf(course, learner).get("items")).extracting(i -> i.get("done").asBoolean())
                .containsExactly(false, false);
    }

    @Test
    void onlyAdminsConfigureItemsOnInstructorLedCoursesAndLearnersReadOnlyTheirOwnUploads() {
        long course = course("ILT");
        String learner = fixtures.learner();
        Api.Response byLearner = api.post(learner, Api.passwordOf(learner), "/api/courses/" + course + "/items",
                Map.of("kind", "UPLOAD", "title", "Mine", "required", true));
        assertThat(byLearner.status()).isEqualTo(403);
        assertRefused(addItem(course, "EVALUATION", "No questions", true, null), 400, "questions");
        assertRefused(addItem(course, "UPLOAD", "", true, null), 400, "title");
        assertThat(addItem(course("ELEARNING"), "UPLOAD", "Proof", true, null).status()).isEqualTo(409);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/courses/" + course + "/items", null).body()).isEmpty();

        long upload = item(course, "UPLOAD", "Certificate", true, null);
        register(course, learner, fixtures.session(course, 5, false));
        assertThat(upload(learner, upload, "cert.png", "image/png", new byte[] {1, 2, 3}).status()).isEqualTo(200);
        String other = fixtures.learner();
        assertThat(api.get(other, Api.passwordOf(other), "/api/course-items/" + upload + "/uploads/" + learner)
                .status()).isEqualTo(404);
        assertThat(api.get(other, Api.passwordOf(other), "/api/people/" + learner + "/courses/" + course + "/progress")
                .status()).isEqualTo(404);
        assertThat(rest.withBasicAuth(learner, Api.passwordOf(learner))
                .getForEntity("/api/course-items/" + upload + "/uploads/" + learner, byte[].class).getBody())
                .containsExactly(1, 2, 3);
    }

    @Test
    void theActivityViewListsEnrolledLearnersWhoAreInNoSessionYet() {
        long course = course("ILT");
        long upload = item(course, "UPLOAD", "Pre-work", true, null);
        String enrolledOnly = fixtures.learner();
        String inSession = fixtures.learner();
        enrolments.enrol(people.get(enrolledOnly).getId(), course, EnrolmentSource.MANUAL, Api.ADMIN);
        register(course, inSession, fixtures.session(course, 5, false));

        JsonNode line = fixtures.activityOf(course, enrolledOnly);
        assertThat(line.get("enrolmentStatus").asText()).isEqualTo("ENROLLED");
        assertThat(line.get("sessions")).isEmpty();
        assertThat(line.get("progress").asInt()).isZero();
        assertThat(fixtures.activityOf(course, inSession).get("sessions")).hasSize(1);

        // an enrolled learner hands in items before choosing a session: half way, a session to go
        assertThat(upload(enrolledOnly, upload, "prework.pdf", "application/pdf", "p".getBytes()).status())
                .isEqualTo(200);
        assertThat(fixtures.activityOf(course, enrolledOnly).get("progress").asInt()).isEqualTo(50);
    }

    private static void assertRefused(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
    }
}
