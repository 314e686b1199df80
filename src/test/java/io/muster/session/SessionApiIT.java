package io.muster.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.muster.registration.Registration;
import io.muster.registration.RegistrationMethod;
import io.muster.registration.internal.RegistrationRepository;
import io.muster.registration.RegistrationStatus;
import io.muster.people.PersonRepository;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@IntegrationTest
class SessionApiIT {

    @Autowired Api api;
    @Autowired SessionRepository sessions;
    @Autowired RegistrationRepository registrations;
    @Autowired PersonRepository people;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

    long courseId;
    String trainer;

    @BeforeEach
    void courseAndTrainer() {
        Api.Response course = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("SES"),
                "title", "Ladder Safety", "kind", "ILT", "required", false, "enrolmentMethod", "SELF"));
        courseId = course.body().get("id").asLong();
        trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
    }

    Map<String, Object> session(OffsetDateTime start) {
        Map<String, Object> body = new HashMap<>(Map.of("courseId", courseId, "title", "Ladder Safety - Leeds",
                "startsAt", start.toString(), "timeZone", "Europe/London", "durationMinutes", 90,
                "type", "IN_PERSON", "location", "Room 2, Leeds", "trainerUsername", trainer, "capacity", 12,
                "waitingList", true));
        body.put("approvalRequired", false);
        body.put("shortDescription", "Using ladders safely");
        body.put("visibility", Map.of("departments", List.of("Ops"), "jobRoles", List.of(),
                "locations", List.of("Leeds", "York")));
        body.put("materials", List.of(Map.of("name", "Checklist", "url", "https://example.org/ladders.pdf")));
        return body;
    }

    static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(2)).plusDays(days).truncatedTo(ChronoUnit.MINUTES);
    }

    long create(Map<String, Object> body) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void adminCreatesADraftSessionWithEveryField() {
        OffsetDateTime start = inDays(10);
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", session(start));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("status").asText()).isEqualTo("DRAFT");
        assertThat(OffsetDateTime.parse(r.body().get("startsAt").asText()).toInstant()).isEqualTo(start.toInstant());
        assertThat(OffsetDateTime.parse(r.body().get("endsAt").asText()).toInstant())
                .isEqualTo(start.plusMinutes(90).toInstant());
        assertThat(r.body().get("trainerUsername").asText()).isEqualTo(trainer);
        assertThat(r.body().get("seatsLeft").asInt()).isEqualTo(12);
        assertThat(r.body().get("full").asBoolean()).isFalse();
        assertThat(r.body().get("visibility").get("locations")).hasSize(2);
        assertThat(r.body().get("visibility").get("jobRoles")).isEmpty();
        assertThat(r.body().get("materials").get(0).get("url").asText()).isEqualTo("https://example.org/ladders.pdf");
        assertThat(r.headers().getLocation()).hasPath("/api/sessions/" + r.body().get("id").asLong());
    }

    @Test
    void anOnlineSessionWithoutCapacityIsUnlimited() {
        Map<String, Object> body = session(inDays(11));
        body.put("type", "ONLINE");
        body.put("onlineUrl", "https://meet.example.org/abc");
        body.remove("location");
        body.remove("capacity");
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", body);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().has("capacity")).isFalse();
        assertThat(r.body().has("seatsLeft")).as("null: unlimited").isFalse();
        assertThat(r.body().get("onlineUrl").asText()).isEqualTo("https://meet.example.org/abc");
    }

    @Test
    void everyBadFieldIsRefusedWithItsNameAndNothingIsStored() {
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("title", Map.of("title", ""));
        cases.put("courseId", Map.of("courseId", 987654321));
        cases.put("capacity", Map.of("capacity", 0));
        cases.put("durationMinutes", Map.of("durationMinutes", 0));
        cases.put("location", Map.of("location", ""));
        cases.put("onlineUrl", Map.of("type", "ONLINE"));
        cases.put("startsAt", Map.of("startsAt", inDays(-1).toString()));
        cases.put("trainerUsername", Map.of("trainerUsername", "no-such-trainer"));
        cases.put("timeZone", Map.of("timeZone", "Europe/Atlantis"));
        cases.put("type", Map.of("type", "HOLOGRAM"));
        cases.put("shortDescription", Map.of("shortDescription", "x".repeat(100_000)));
        long before = sessions.count();
        cases.forEach((field, change) -> {
            Map<String, Object> body = session(inDays(12));
            body.putAll(change);
            Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", body);
            assertThat(r.status()).as(field + ": " + r.text()).isEqualTo(400);
            assertThat(r.contentType()).as(field).startsWith("application/problem+json");
            assertThat(r.text()).as(field).contains("\"field\":\"" + field + "\"");
        });
        Map<String, Object> missing = session(inDays(12));
        missing.remove("startsAt");
        missing.remove("durationMinutes");
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", missing);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"field\":\"startsAt\"").contains("\"field\":\"durationMinutes\"");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions", "{\"title\": [").status()).isEqualTo(400);
        assertThat(sessions.count()).isEqualTo(before);
    }

    @Test
    void aPersonWhoIsNotATrainerCannotTrain() {
        String learner = api.createPerson(Api.unique("notrainer"), MusterGroups.LEARNERS, Map.of());
        Map<String, Object> body = session(inDays(13));
        body.put("trainerUsername", learner);
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"field\":\"trainerUsername\"");
    }

    @Test
    void aTrainerIsNeverBookedTwiceAtTheSameTime() {
        OffsetDateTime start = inDays(14);
        create(session(start));
        long before = sessions.count();

        Api.Response overlapping = api.asAdmin(HttpMethod.POST, "/api/sessions", session(start.plusMinutes(60)));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.text()).contains("\"field\":\"trainerUsername\"");
        assertThat(overlapping.body().get("detail").asText())
                .startsWith("the trainer is already booked at that time, in 'Ladder Safety - Leeds' (");
        assertThat(sessions.count()).isEqualTo(before);
        // right after the first one ends is fine
        create(session(start.plusMinutes(90)));
    }

    @Test
    void editingChangesDetailsRaisesTheCalendarSequenceAndKeepsTheTrainerRule() {
        OffsetDateTime start = inDays(15);
        long id = create(session(start));
        long other = create(session(start.plusHours(3)));
        Map<String, Object> moved = session(start.plusHours(1));
        moved.put("location", "Room 5, Leeds");

        Api.Response edited = api.asAdmin(HttpMethod.PUT, "/api/sessions/" + id, moved);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().get("location").asText()).isEqualTo("Room 5, Leeds");
        assertThat(sessions.findById(id).orElseThrow().getCalendarSequence()).isEqualTo(1);

        Api.Response clash = api.asAdmin(HttpMethod.PUT, "/api/sessions/" + other, session(start.plusHours(2)));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/sessions/987654321", moved).status()).isEqualTo(404);
    }

    @Test
    void publishingMakesADraftScheduledOnce() {
        long id = create(session(inDays(16)));
        Api.Response published = api.asAdmin(HttpMethod.POST, "/api/sessions/" + id + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + id + "/publish", null).status()).isEqualTo(409);
    }

    @Test
    void aSessionWithoutRegistrationsIsDeletedOtherwiseRefusedWithAHintToCancel() {
        long empty = create(session(inDays(17)));
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + empty + "/publish", null).status()).isEqualTo(200);
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/sessions/" + empty, null).status()).isEqualTo(204);
        assertThat(sessions.findById(empty)).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("session-lifecycle")
                .processInstanceBusinessKey(Long.toString(empty)).count()).as("its lifecycle ended too").isZero();

        long booked = create(session(inDays(18)));
        String learner = api.createPerson(Api.unique("booker"), MusterGroups.LEARNERS, Map.of());
        Long personId = people.findByUsername(learner).orElseThrow().getId();
        registrations.save(new Registration(booked, personId, RegistrationStatus.REGISTERED, RegistrationMethod.ADMIN,
                java.time.Instant.now(), Api.ADMIN, "test"));
        Api.Response refused = api.asAdmin(HttpMethod.DELETE, "/api/sessions/" + booked, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).containsIgnoringCase("cancel");
        assertThat(sessions.findById(booked)).isPresent();
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/sessions/987654321", null).status()).isEqualTo(404);
    }

    @Test
    void adminsAndTrainersSearchByTrainerStatusAndText() {
        long id = create(session(inDays(19)));
        Api.Response byTrainer = api.get(trainer, Api.passwordOf(trainer), "/api/sessions?trainer=" + trainer);
        assertThat(byTrainer.status()).isEqualTo(200);
        assertThat(byTrainer.body()).hasSize(1);
        assertThat(byTrainer.body().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions?trainer=" + trainer + "&status=SCHEDULED", null).body())
                .isEmpty();
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions?trainer=" + trainer + "&q=LADDER", null).body())
                .hasSize(1);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions?status=SOMETIMES", null).status()).isEqualTo(400);
    }

    @Test
    void learnersNeitherManageNorBrowseTheAdminCatalogue() {
        long id = create(session(inDays(20)));
        String learner = api.createPerson(Api.unique("nosy"), MusterGroups.LEARNERS, Map.of());
        String pw = Api.passwordOf(learner);
        assertThat(api.post(learner, pw, "/api/sessions", session(inDays(21))).status()).isEqualTo(403);
        assertThat(api.post(learner, pw, "/api/sessions/" + id + "/publish", null).status()).isEqualTo(403);
        assertThat(api.delete(learner, pw, "/api/sessions/" + id).status()).isEqualTo(403);
        assertThat(api.get(learner, pw, "/api/sessions").status()).isEqualTo(403);
        assertThat(sessions.findById(id).orElseThrow().getStatus()).isEqualTo(SessionStatus.DRAFT);
    }
}
