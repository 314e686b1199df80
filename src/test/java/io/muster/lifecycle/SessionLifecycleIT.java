package io.muster.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import io.muster.training.TrainingRecord;
import io.muster.training.TrainingRecordRepository;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** A session from publication to attendance, its status moved by the lifecycle's timers (the clock moves, nobody sleeps). */
@IntegrationTest
class SessionLifecycleIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TrainingRecordRepository trainingRecords;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private JsonNode session(long id) {
        return api.asAdmin(HttpMethod.GET, "/api/sessions/" + id, null).body();
    }

    private void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private void awaitStatus(long session, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(session(session).get("status").asText()));
    }

    private long course(Integer validityMonths) {
        Map<String, Object> body = new HashMap<>(Map.of("code", Api.unique("LC"), "title", "Lifecycle course",
                "kind", "ILT", "required", true, "enrolmentMethod", "SELF"));
        body.put("validityMonths", validityMonths);
        return api.asAdmin(HttpMethod.POST, "/api/courses", body).body().get("id").asLong();
    }

    private long publishedSession(long course, String trainer) {
        long id = fixtures.draft(course, 5, true, false, Map.of(), trainer);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    private Api.Response attendance(String user, long session, List<Map<String, String>> lines) {
        return api.post(user, Api.passwordOf(user), "/api/sessions/" + session + "/attendance", lines);
    }

    @Test
    void statusFollowsTheClockAndAttendanceMakesTrainingRecordsThatExpire() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = publishedSession(course(12), trainer);
        String attended = fixtures.learner();
        String absent = fixtures.learner();
        String walkIn = fixtures.learner();
        long attendedId = fixtures.book(attended, session).body().get("id").asLong();
        fixtures.book(absent, session);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("session-lifecycle")
                .processInstanceBusinessKey(Long.toString(session)).count()).isOne();
        assertThat(Mailbox.awaitSubjects(trainer + "@example.org", 1)).anyMatch(s -> s.startsWith("You train"));

        List<Map<String, String>> lines = List.of(Map.of("username", attended, "status", "ATTENDED"),
                Map.of("username", absent, "status", "ABSENT"), Map.of("username", walkIn, "status", "GO_SHOW"));
        Api.Response early = attendance(trainer, session, lines);
        assertThat(early.status()).isEqualTo(409);

        Instant start = OffsetDateTime.parse(session(session).get("startsAt").asText()).toInstant();
        moveClockTo(start.plusSeconds(60));
        awaitStatus(session, "IN_PROGRESS");

        String otherTrainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        assertThat(attendance(otherTrainer, session, lines).status()).isEqualTo(403);
        Api.Response recorded = attendance(trainer, session, lines);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
        assertThat(recorded.body()).extracting(l -> l.get("status").asText())
                .containsExactly("ATTENDED", "ABSENT", "GO_SHOW");

        JsonNode roster = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body();
        assertThat(roster.get("registrations")).hasSize(3);
        assertThat(roster.get("fillRate").asDouble()).isEqualTo(0.4);
        long courseId = courseOf(session);
        List<TrainingRecord> records = trainingRecords.findAll().stream()
                .filter(r -> r.getCourseId() == courseId).toList();
        assertThat(records).hasSize(2);
        assertThat(records).allSatisfy(r -> assertThat(r.getExpiresAt())
                .isEqualTo(r.getCompletedAt().atOffset(java.time.ZoneOffset.UTC).plusMonths(12).toInstant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("registration").processInstanceBusinessKey(Long.toString(attendedId)).count() == 0);

        Instant end = OffsetDateTime.parse(session(session).get("endsAt").asText()).toInstant();
        moveClockTo(end.plusSeconds(60));
        awaitStatus(session, "COMPLETED");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("session-lifecycle").processInstanceBusinessKey(Long.toString(session)).count() == 0);
    }

    @Test
    void registeredLearnersAreRemindedADayBeforeTheStart() {
        long session = publishedSession(course(null), null);
        String learner = fixtures.learner();
        fixtures.book(learner, session);
        Mailbox.awaitSubjects(learner + "@example.org", 1);
        Instant start = OffsetDateTime.parse(session(session).get("startsAt").asText()).toInstant();

        moveClockTo(start.minus(Duration.ofHours(23)));

        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 2)).anyMatch(s -> s.startsWith("Tomorrow"));
    }

    private long courseOf(long session) {
        return session(session).get("courseId").asLong();
    }

    @Test
    void withoutAttendanceTheTrainerMarksItInTasklistWithTheCamundaForm() {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = publishedSession(course(null), trainer);
        String learner = fixtures.learner();
        String missing = fixtures.learner();
        fixtures.book(learner, session);
        fixtures.book(missing, session);

        Instant end = OffsetDateTime.parse(session(session).get("endsAt").asText()).toInstant();
        moveClockTo(end.plusSeconds(60));
        awaitStatus(session, "COMPLETED");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(trainer, Api.passwordOf(trainer), "/engine-rest/task?processDefinitionKey=session-lifecycle&processInstanceBusinessKey=" + session)
                        .body().size() == 1);
        String taskId = api.get(trainer, Api.passwordOf(trainer), "/engine-rest/task?processDefinitionKey=session-lifecycle&processInstanceBusinessKey=" + session)
                .body().get(0).get("id").asText();
        Api.Response form = api.get(trainer, Api.passwordOf(trainer), "/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.text()).contains("mark-attendance");
        JsonNode options = api.get(trainer, Api.passwordOf(trainer), "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false")
                .body().get("rosterOptions");
        assertThat(options.get("type").asText()).isEqualTo("Json");
        assertThat(options.get("value").asText()).contains(learner).contains(missing);

        Api.Response submitted = api.post(trainer, Api.passwordOf(trainer), "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("attended", Map.of("value", "[\"" + learner + "\"]", "type", "Json"))));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(204);

        JsonNode roster = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body();
        assertThat(roster.get("registrations")).extracting(r -> r.get("username").asText() + "=" + r.get("status").asText())
                .containsExactlyInAnyOrder(learner + "=ATTENDED", missing + "=ABSENT");
        TrainingRecord record = trainingRecords.findAll().stream().filter(r -> r.getCourseId() == courseOf(session))
                .findFirst().orElseThrow();
        assertThat(record.getExpiresAt()).as("the course never expires").isNull();
    }

    @Test
    void aNewTimeMovesTheTimersAndUpdatesEveryInvitation() throws Exception {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long course = course(null);
        long session = publishedSession(course, trainer);
        String learner = fixtures.learner();
        fixtures.book(learner, session);
        Mailbox.awaitSubjects(learner + "@example.org", 1);
        JsonNode current = session(session);
        Instant newStart = OffsetDateTime.parse(current.get("startsAt").asText()).toInstant().plus(Duration.ofDays(2));
        Map<String, Object> edit = new HashMap<>(Map.of("courseId", course, "title", current.get("title").asText(),
                "startsAt", newStart.toString(), "timeZone", "Europe/London", "durationMinutes", 60,
                "type", "IN_PERSON", "location", "Room 9", "waitingList", true, "capacity", 5));
        edit.put("trainerUsername", trainer);

        assertThat(api.asAdmin(HttpMethod.PUT, "/api/sessions/" + session, edit).status()).isEqualTo(200);

        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 2)).anyMatch(s -> s.startsWith("Changed"));
        String ics = Mailbox.to(learner + "@example.org").stream().filter(m -> subject(m).startsWith("Changed"))
                .findFirst().map(SessionLifecycleIT::calendarText).orElseThrow();
        assertThat(ics).contains("METHOD:REQUEST").contains("SEQUENCE:1").contains("LOCATION:Room 9");
        assertThat(Mailbox.awaitSubjects(trainer + "@example.org", 2)).hasSizeGreaterThanOrEqualTo(2);
        String lifecycle = runtimeService.createProcessInstanceQuery().processDefinitionKey("session-lifecycle")
                .processInstanceBusinessKey(Long.toString(session)).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(lifecycle).timers().singleResult().getDuedate())
                .isEqualTo(Date.from(newStart));
        String registration = runtimeService.createProcessInstanceQuery().processDefinitionKey("registration")
                .variableValueEquals("sessionId", session).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(registration).timers()
                .activityId("timer_reminder_due").singleResult().getDuedate())
                .as("the reminder follows the new start").isEqualTo(Date.from(newStart.minus(Duration.ofHours(24))));
        assertThat(managementService.createJobQuery().processInstanceId(registration).timers()
                .activityId("timer_session_over").singleResult().getDuedate())
                .as("so does the end").isEqualTo(Date.from(newStart.plus(Duration.ofMinutes(60))));
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String calendarText(jakarta.mail.internet.MimeMessage m) {
        try {
            jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) m.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) {
                    Object c = parts.getBodyPart(i).getContent();
                    return c instanceof String s ? s : new String(((java.io.InputStream) c).readAllBytes());
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
