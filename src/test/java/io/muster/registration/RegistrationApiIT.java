package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.registration.internal.RegistrationProcess;
import io.muster.registration.internal.RegistrationRepository;
import io.muster.registration.internal.WaitlistPromotionProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Learners and admins through the HTTP API, on PostgreSQL, with mail to a real SMTP server. */
@IntegrationTest
class RegistrationApiIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired RegistrationRepository registrations;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static String email(String username) {
        return username + "@example.org";
    }

    private long count(long sessionId) {
        return registrations.findBySessionIdOrderByRequestedAtAscIdAsc(sessionId).size();
    }

    @Test
    void aLearnerBooksAFreeSeatAndGetsAConfirmationMail() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();

        Api.Response booked = fixtures.book(learner, session);

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("REGISTERED");
        long id = booked.body().get("id").asLong();
        assertThat(booked.headers().getLocation()).hasPath("/api/registrations/" + id);
        assertThat(Mailbox.awaitSubjects(email(learner), 1)).singleElement().asString().startsWith("You are booked");

        JsonNode registration = fixtures.registration(learner, id).body();
        assertThat(registration.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(registration.get("history").get(0).get("to").asText()).isEqualTo("REGISTERED");
        assertThat(registration.get("history").get(0).get("by").asText()).isEqualTo(learner);
        // the process instance is findable in Cockpit by the registration id
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .processInstanceBusinessKey(Long.toString(id)).count()).isOne();

        JsonNode entry = find(fixtures.calendar(learner), session);
        assertThat(entry.get("myStatus").asText()).isEqualTo("REGISTERED");
        assertThat(entry.get("myRegistrationId").asLong()).isEqualTo(id);
        assertThat(entry.get("seatsLeft").asInt()).isEqualTo(4);
    }

    @Test
    void theCalendarComesInPagesWithTheTotalAndALinkToTheNextPage() {
        String learner = fixtures.learner();
        for (int i = 0; i < 3; i++) {
            fixtures.session(3, false, false);
        }
        Api.Response first = api.get(learner, Api.passwordOf(learner), "/api/me/sessions?limit=2");
        assertThat(first.body()).hasSize(2);
        int total = Integer.parseInt(first.headers().getFirst("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.headers().getFirst("Link")).isEqualTo("</api/me/sessions?offset=2&limit=2>; rel=\"next\"");
        Api.Response last = api.get(learner, Api.passwordOf(learner), "/api/me/sessions?offset=" + (total - 1) + "&limit=2");
        assertThat(last.body()).hasSize(1);
        assertThat(last.headers().getFirst("Link")).isNull();
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/me/sessions?limit=501").status()).isEqualTo(400);
    }

    @Test
    void anAccountWithoutALearnerProfileHasAnEmptyCalendarNotA404AboutItself() {
        fixtures.session(3, false, false);
        Api.Response calendar = api.get(Api.ADMIN, Api.ADMIN_PASSWORD, "/api/me/sessions");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.body()).isEmpty();
        assertThat(calendar.headers().getFirst("X-Total-Count")).isEqualTo("0");
    }

    @Test
    void aRepeatedBookingIsRefusedAndNeverASecondRegistration() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        assertThat(fixtures.book(learner, session).status()).isEqualTo(201);

        Api.Response again = fixtures.book(learner, session);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(count(session)).isOne();
    }

    @Test
    void theCalendarShowsOnlyVisibleSessionsWithSeatsAndWritesNoDecisionHistory() {
        long course = fixtures.course("SELF");
        long forOps = fixtures.session(course, 3, false, false, Map.of("departments", List.of("Operations")));
        long forYork = fixtures.session(course, 3, false, false, Map.of("locations", List.of("York")));
        long unlimited = fixtures.session(course, null, false, false, Map.of());
        long draft = fixtures.draft(course, 3, false, false, Map.of());
        String opsInLondon = fixtures.learner(Map.of("department", "Operations", "location", "London"));
        long decisionsBefore = historyService.createHistoricDecisionInstanceQuery().count();

        List<JsonNode> calendar = fixtures.calendar(opsInLondon);

        assertThat(find(calendar, forOps)).isNotNull();
        assertThat(find(calendar, forYork)).isNull();
        assertThat(find(calendar, draft)).isNull();
        assertThat(find(calendar, unlimited).has("seatsLeft")).isFalse();
        assertThat(find(calendar, unlimited).get("full").asBoolean()).isFalse();
        assertThat(find(calendar, forOps).get("seatsLeft").asInt()).isEqualTo(3);
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsBefore);
    }

    @Test
    void sessionsTheLearnerCannotSeeAreAnsweredAsIfAbsentAndClosedOnesSayWhy() {
        long course = fixtures.course("SELF");
        long forYork = fixtures.session(course, 3, false, false, Map.of("locations", List.of("York")));
        long draft = fixtures.draft(course, 3, false, false, Map.of());
        String london = fixtures.learner(Map.of("location", "London"));

        Api.Response hidden = fixtures.book(london, forYork);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text()).doesNotContain("York");
        Api.Response notOpen = fixtures.book(london, draft);
        assertThat(notOpen.status()).isEqualTo(409);
        assertThat(notOpen.body().get("detail").asText()).contains("not open");
        assertThat(fixtures.book(london, 987654321L).status()).isEqualTo(404);
        assertThat(count(forYork) + count(draft)).isZero();
    }

    @Test
    void aSessionThatStartedCannotBeBooked() {
        long session = fixtures.session(5, true, false);
        String learner = fixtures.learner();
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(Duration.ofDays(60))));

        Api.Response late = fixtures.book(learner, session);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asText()).contains("started");
        assertThat(count(session)).isZero();
    }

    @Test
    void aFullSessionWithoutWaitingListRefusesWithSessionFullAndStoresNothing() {
        long session = fixtures.session(1, false, false);
        String first = fixtures.learner();
        String second = fixtures.learner();
        assertThat(fixtures.book(first, session).status()).isEqualTo(201);
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        Api.Response full = fixtures.book(second, session);

        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body().get("detail").asText()).isEqualTo("Session full");
        assertThat(count(session)).isOne();
        // the refused booking rolled back with its mail job: once the first learner's mail is out, none came for it
        Mailbox.awaitSubjects(email(first), 1);
        assertThat(Mailbox.subjectsTo(email(second))).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        JsonNode entry = find(fixtures.calendar(second), session);
        assertThat(entry.get("full").asBoolean()).isTrue();
    }

    @Test
    void theEligibilityTableRefusesSelfBookingOfAnAssignmentOnlyCourseWith403AndItsReason() {
        long session = fixtures.session(fixtures.course("ASSIGNMENT_ONLY"), 5, false, false, Map.of());
        String learner = fixtures.learner();

        Api.Response refused = fixtures.book(learner, session);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).isEqualTo("This course is by assignment only");
        assertThat(count(session)).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .variableValueEquals(RegistrationProcess.SESSION_ID.name(), session).count())
                .as("registrations started for the session").isZero();
        // an admin may still assign the learner
        Api.Response assigned = api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/registrations",
                Map.of("username", learner));
        assertThat(assigned.status()).isEqualTo(201);
        assertThat(registrations.findById(assigned.body().get("id").asLong()).orElseThrow().getMethod().name())
                .isEqualTo("ADMIN");
    }

    @Test
    void learnersBookOnlyForThemselves() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        String other = fixtures.learner();
        Api.Response r = api.post(learner, Api.passwordOf(learner), "/api/sessions/" + session + "/registrations",
                Map.of("username", other));
        assertThat(r.status()).isEqualTo(403);
        assertThat(count(session)).isZero();
    }

    @Test
    void theWaitingListIsOfferedAFreedSeatFirstComeFirstServedAndTheOfferCanBeAccepted() {
        long session = fixtures.session(1, true, false);
        String seated = fixtures.learner();
        String first = fixtures.learner();
        String second = fixtures.learner();
        long seat = fixtures.book(seated, session).body().get("id").asLong();
        Api.Response firstInLine = fixtures.book(first, session);
        Api.Response secondInLine = fixtures.book(second, session);
        assertThat(firstInLine.body().get("status").asText()).isEqualTo("WAITING_LIST");
        assertThat(secondInLine.body().get("status").asText()).isEqualTo("WAITING_LIST");
        assertThat(Mailbox.awaitSubjects(email(first), 1)).singleElement().asString().startsWith("On the waiting list");

        Api.Response cancelled = fixtures.act(seated, seat, "cancel");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");

        long firstId = firstInLine.body().get("id").asLong();
        JsonNode offered = fixtures.registration(first, firstId).body();
        assertThat(offered.get("status").asText()).isEqualTo("INVITED");
        assertThat(offered.get("offerExpiresAt").asText()).isNotBlank();
        assertThat(fixtures.registration(second, secondInLine.body().get("id").asLong()).body().get("status").asText())
                .isEqualTo("WAITING_LIST");
        // the seat is held for the offer: nobody new can take it
        String newcomer = fixtures.learner();
        assertThat(fixtures.book(newcomer, session).body().get("status").asText()).isEqualTo("WAITING_LIST");
        assertThat(Mailbox.awaitSubjects(email(first), 2)).anyMatch(s -> s.startsWith("A seat is free for you"));
        assertThat(Mailbox.awaitSubjects(email(seated), 2)).anyMatch(s -> s.startsWith("Cancelled"));

        Api.Response accepted = fixtures.act(first, firstId, "accept");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(accepted.body().get("history")).extracting(h -> h.get("to").asText())
                .containsExactly("WAITING_LIST", "INVITED", "REGISTERED");
        assertThat(seatsTaken(session)).isEqualTo(1);
        assertThat(Mailbox.awaitSubjects(email(first), 3)).anyMatch(s -> s.startsWith("You are booked"));
    }

    @Test
    void aDeclinedOfferGoesToTheNextInLineAndTheLastDeclineReleasesTheSeat() {
        Queue q = seatFreedBeforeTwoInLine();
        long session = q.session();
        String first = q.first();
        String second = q.second();
        long firstId = q.firstId();
        long secondId = q.secondId();

        assertThat(fixtures.act(second, secondId, "accept").status()).as("not offered yet").isEqualTo(409);
        Api.Response declined = fixtures.act(first, firstId, "decline");
        assertThat(declined.body().get("status").asText()).isEqualTo("DECLINED");
        assertThat(fixtures.registration(second, secondId).body().get("status").asText()).isEqualTo("INVITED");
        fixtures.act(second, secondId, "decline");

        assertThat(seatsTaken(session)).isZero();
        String newcomer = fixtures.learner();
        assertThat(fixtures.book(newcomer, session).body().get("status").asText()).isEqualTo("REGISTERED");
    }

    @Test
    void anOfferThatExpiresGoesToTheNextInLine() {
        Queue q = seatFreedBeforeTwoInLine();
        long session = q.session();
        String first = q.first();
        String second = q.second();
        long firstId = q.firstId();
        long secondId = q.secondId();

        String promotion = runtimeService.createProcessInstanceQuery().processDefinitionKey(WaitlistPromotionProcess.KEY)
                .processInstanceBusinessKey("session-" + session).singleResult().getId();
        Job expiry = managementService.createJobQuery().timers().activityId(WaitlistPromotionProcess.TIMER_OFFER_EXPIRES)
                .processInstanceId(promotion).singleResult();
        // the job executor fires the timer once the engine's clock has passed the expiry
        ClockUtil.setCurrentTime(new java.util.Date(expiry.getDuedate().getTime() + 1000));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                "DECLINED".equals(fixtures.registration(first, firstId).body().get("status").asText()));

        JsonNode lapsed = fixtures.registration(first, firstId).body();
        assertThat(lapsed.get("status").asText()).isEqualTo("DECLINED");
        assertThat(lapsed.get("history").get(lapsed.get("history").size() - 1).get("why").asText())
                .isEqualTo("Seat offer expired");
        assertThat(fixtures.registration(second, secondId).body().get("status").asText()).isEqualTo("INVITED");
    }

    @Test
    void raisingTheCapacityOffersTheNewSeatsToTheWaitingList() {
        long course = fixtures.course("SELF");
        long session = fixtures.session(course, 1, true, false, Map.of());
        String seated = fixtures.learner();
        String waiting = fixtures.learner();
        fixtures.book(seated, session);
        long waitingId = fixtures.book(waiting, session).body().get("id").asLong();
        JsonNode current = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body();
        Map<String, Object> edit = new java.util.HashMap<>(Map.of("courseId", course, "title", current.get("title").asText(),
                "startsAt", current.get("startsAt").asText(), "timeZone", "Europe/London", "durationMinutes", 60,
                "type", "IN_PERSON", "location", "Room 1", "waitingList", true, "capacity", 2));

        assertThat(api.asAdmin(HttpMethod.PUT, "/api/sessions/" + session, edit).status()).isEqualTo(200);

        assertThat(fixtures.registration(waiting, waitingId).body().get("status").asText()).isEqualTo("INVITED");
        assertThat(seatsTaken(session)).isEqualTo(2);
    }

    @Test
    void anApproverApprovesInTasklistThroughTheEngineRestApiWithTheCamundaForm() {
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.APPROVERS, Map.of());
        String otherApprover = api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS, Map.of());
        String learner = fixtures.learner(Map.of("managerUsername", manager));
        long session = fixtures.session(3, false, true);

        Api.Response booked = fixtures.book(learner, session);
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("NEEDS_APPROVAL");
        long id = booked.body().get("id").asLong();
        assertThat(Mailbox.awaitSubjects(email(manager), 1)).singleElement().asString().startsWith("Approval needed");

        assertThat(api.get(otherApprover, Api.passwordOf(otherApprover), "/engine-rest/task").body()).isEmpty();
        JsonNode tasks = api.get(manager, Api.passwordOf(manager), "/engine-rest/task?processDefinitionKey=registration&processInstanceBusinessKey=" + id).body();
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        Api.Response form = api.get(manager, Api.passwordOf(manager), "/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("approve-registration").contains("\"approved\"");
        JsonNode shown = api.get(manager, Api.passwordOf(manager), "/engine-rest/task/" + taskId + "/form-variables").body();
        assertThat(shown.get("learnerName").get("value").asText()).isEqualTo("Test " + learner);

        Api.Response submitted = api.post(manager, Api.passwordOf(manager), "/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"),
                        "comment", Map.of("value", "Enjoy", "type", "String"))));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(204);

        JsonNode registration = fixtures.registration(learner, id).body();
        assertThat(registration.get("status").asText()).isEqualTo("REGISTERED");
        JsonNode last = registration.get("history").get(registration.get("history").size() - 1);
        assertThat(last.get("by").asText()).isEqualTo(manager);
        assertThat(last.get("why").asText()).isEqualTo("Approved: Enjoy");
        assertThat(Mailbox.awaitSubjects(email(learner), 1)).anyMatch(s -> s.startsWith("You are booked"));
    }

    @Test
    void withoutAManagerTheApproversGroupDecidesAndADeclineIsMailed() {
        String learner = fixtures.learner();
        long session = fixtures.session(3, false, true);
        long id = fixtures.book(learner, session).body().get("id").asLong();
        String approver = api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS, Map.of());
        // the approver acts once asked: the approval request has gone out
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .processInstanceBusinessKey(Long.toString(id)).singleResult().getId();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                managementService.createJobQuery().processInstanceId(instance).messages().count() == 0);

        JsonNode tasks = api.get(approver, Api.passwordOf(approver), "/engine-rest/task?processDefinitionKey=registration&processInstanceBusinessKey=" + id).body();
        assertThat(tasks).hasSize(1);
        api.post(approver, Api.passwordOf(approver), "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                Map.of("variables", Map.of("approved", Map.of("value", false, "type", "Boolean"),
                        "comment", Map.of("value", "Budget", "type", "String"))));

        assertThat(fixtures.registration(learner, id).body().get("status").asText()).isEqualTo("APPROVAL_DECLINED");
        assertThat(Mailbox.awaitSubjects(email(learner), 1)).anyMatch(s -> s.startsWith("Not approved"));
        assertThat(seatsTaken(session)).isZero();
    }

    @Test
    void aLearnerNeitherSeesNorChangesAnotherLearnersRegistration() {
        long session = fixtures.session(3, false, false);
        String owner = fixtures.learner();
        String intruder = fixtures.learner();
        long id = fixtures.book(owner, session).body().get("id").asLong();

        assertThat(fixtures.registration(intruder, id).status()).isEqualTo(404);
        assertThat(fixtures.act(intruder, id, "cancel").status()).isEqualTo(404);
        assertThat(fixtures.act(intruder, id, "accept").status()).isEqualTo(404);
        assertThat(fixtures.registration(owner, id).body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/registrations/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void theRosterShowsSeatsAndFillRateToAdminsAndTheSessionsTrainerOnly() {
        long session = fixtures.session(4, true, false);
        fixtures.book(fixtures.learner(), session);
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        String learner = fixtures.learner();

        Api.Response roster = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null);
        assertThat(roster.status()).isEqualTo(200);
        assertThat(roster.body().get("seatsTaken").asInt()).isEqualTo(1);
        assertThat(roster.body().get("fillRate").asDouble()).isEqualTo(0.25);
        assertThat(roster.body().get("registrations")).hasSize(1);
        assertThat(api.get(trainer, Api.passwordOf(trainer), "/api/sessions/" + session + "/roster").status())
                .isEqualTo(403);
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/sessions/" + session + "/roster").status())
                .isEqualTo(403);
    }

    /** One seat, two learners in line behind it; then the seated learner cancels. */
    private record Queue(long session, String first, long firstId, String second, long secondId) {
    }

    private Queue seatFreedBeforeTwoInLine() {
        long session = fixtures.session(1, true, false);
        String seated = fixtures.learner();
        String first = fixtures.learner();
        String second = fixtures.learner();
        long seat = fixtures.book(seated, session).body().get("id").asLong();
        long firstId = fixtures.book(first, session).body().get("id").asLong();
        long secondId = fixtures.book(second, session).body().get("id").asLong();
        fixtures.act(seated, seat, "cancel");
        return new Queue(session, first, firstId, second, secondId);
    }

    private int seatsTaken(long session) {
        return jdbc.queryForObject("select seats_taken from training_session where id = ?", Integer.class, session);
    }

    private static JsonNode find(Iterable<JsonNode> calendar, long sessionId) {
        for (JsonNode entry : calendar) {
            if (entry.get("id").asLong() == sessionId) {
                return entry;
            }
        }
        return null;
    }
}
