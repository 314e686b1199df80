package io.muster.rosterops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import io.muster.training.TrainingRecordRepository;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Bulk status changes and copies of roster lines, made by an enrolment manager through the processes. */
@IntegrationTest
class RosterOperationsIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TrainingRecordRepository trainingRecords;

    String manager;

    @BeforeEach
    void enrolmentManager() {
        manager = api.createPerson(Api.unique("enrolmgr"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private Api.Response status(long session, List<Long> ids, String status, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("registrationIds", ids, "status", status));
        if (reason != null) {
            body.put("reason", reason);
        }
        return api.post(manager, Api.passwordOf(manager), "/api/sessions/" + session + "/roster/status", body);
    }

    private Api.Response copy(long session, Map<String, Object> body) {
        return api.post(manager, Api.passwordOf(manager), "/api/sessions/" + session + "/roster/copy", body);
    }

    private long book(String learner, long session) {
        Api.Response booked = fixtures.book(learner, session);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked.body().get("id").asLong();
    }

    private JsonNode registration(long id) {
        return api.get(manager, Api.passwordOf(manager), "/api/registrations/" + id).body();
    }

    private JsonNode roster(long session) {
        return api.get(manager, Api.passwordOf(manager), "/api/sessions/" + session + "/roster").body();
    }

    private static JsonNode lastChange(JsonNode registration) {
        return registration.get("history").get(registration.get("history").size() - 1);
    }

    @Test
    void bulkCancelFreesTheSeatForTheWaitingListAndRefusesOtherLinesWithTheirReason() {
        long session = fixtures.session(2, true, false);
        String a = fixtures.learner();
        String b = fixtures.learner();
        String c = fixtures.learner();
        String d = fixtures.learner();
        long aId = book(a, session);
        long bId = book(b, session);
        long cId = book(c, session);
        long dId = book(d, session);
        assertThat(registration(cId).get("status").asText()).isEqualTo("WAITING_LIST");

        // lines apply in order: the waiting learner is refused before the cancellation offers them a seat
        Api.Response r = status(session, List.of(cId, aId, 987654321L, aId), "CANCELLED", "Moved to a later date");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("applied")).singleElement().satisfies(line -> {
            assertThat(line.get("registrationId").asLong()).isEqualTo(aId);
            assertThat(line.get("username").asText()).isEqualTo(a);
            assertThat(line.get("from").asText()).isEqualTo("REGISTERED");
            assertThat(line.get("status").asText()).isEqualTo("CANCELLED");
        });
        assertThat(r.body().get("refused")).hasSize(2);
        assertThat(r.body().get("refused").get(0).get("registrationId").asLong()).isEqualTo(cId);
        assertThat(r.body().get("refused").get(0).get("reason").asText())
                .isEqualTo("No transition from WAITING_LIST to CANCELLED");
        assertThat(r.body().get("refused").get(1).get("reason").asText()).isEqualTo("Not on this session's roster");

        JsonNode cancelled = registration(aId);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(lastChange(cancelled).get("by").asText()).isEqualTo(manager);
        assertThat(lastChange(cancelled).get("why").asText()).isEqualTo("Moved to a later date");
        // the freed seat went to the head of the waiting list, as the learner's own cancellation would
        JsonNode offered = registration(cId);
        assertThat(offered.get("status").asText()).isEqualTo("INVITED");
        assertThat(offered.get("offerExpiresAt")).isNotNull();
        assertThat(registration(dId).get("status").asText()).isEqualTo("WAITING_LIST");
        assertThat(roster(session).get("seatsTaken").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("registration").processInstanceBusinessKey(Long.toString(aId)).count() == 0);

        // the waiting list is offered seats by the system only; an open offer may be answered
        Api.Response jump = status(session, List.of(dId), "INVITED", null);
        assertThat(jump.body().get("applied")).isEmpty();
        assertThat(jump.body().get("refused").get(0).get("reason").asText()).contains("first come, first served");
        Api.Response accepted = status(session, List.of(cId, bId), "REGISTERED", null);
        assertThat(accepted.body().get("applied")).singleElement()
                .satisfies(line -> assertThat(line.get("status").asText()).isEqualTo("REGISTERED"));
        assertThat(accepted.body().get("refused").get(0).get("reason").asText()).isEqualTo("Already REGISTERED");
        assertThat(registration(cId).get("status").asText()).isEqualTo("REGISTERED");
        assertThat(roster(session).get("seatsTaken").asInt()).isEqualTo(2);
    }

    @Test
    void approvalDecisionsCompleteTheApprovalTaskAsTheManager() {
        long session = fixtures.session(1, true, true);
        String first = fixtures.learner();
        String second = fixtures.learner();
        String third = fixtures.learner();
        long firstId = book(first, session);
        long secondId = book(second, session);
        long thirdId = book(third, session);
        assertThat(registration(firstId).get("status").asText()).isEqualTo("NEEDS_APPROVAL");

        Api.Response approved = status(session, List.of(firstId, secondId), "REGISTERED", "Go ahead");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        // the process decides what approval leads to: the one seat, then the waiting list
        assertThat(approved.body().get("applied")).extracting(l -> l.get("status").asText())
                .containsExactly("REGISTERED", "WAITING_LIST");
        JsonNode first1 = registration(firstId);
        assertThat(lastChange(first1).get("by").asText()).isEqualTo(manager);
        assertThat(lastChange(first1).get("why").asText()).isEqualTo("Approved: Go ahead");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(Long.toString(firstId)).count()).isZero();

        Api.Response declined = status(session, List.of(thirdId), "APPROVAL_DECLINED", "No budget");
        assertThat(declined.body().get("applied").get(0).get("status").asText()).isEqualTo("APPROVAL_DECLINED");
        assertThat(lastChange(registration(thirdId)).get("why").asText()).isEqualTo("Declined: No budget");
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("registration").processInstanceBusinessKey(Long.toString(thirdId)).count() == 0);
        assertThat(roster(session).get("seatsTaken").asInt()).isEqualTo(1);
    }

    @Test
    void attendanceByBulkStatusWaitsForTheStartAndMakesTrainingRecords() {
        long session = fixtures.session(5, false, false);
        String present = fixtures.learner();
        String away = fixtures.learner();
        long presentId = book(present, session);
        long awayId = book(away, session);

        Api.Response early = status(session, List.of(presentId), "ATTENDED", null);
        assertThat(early.body().get("applied")).isEmpty();
        assertThat(early.body().get("refused").get(0).get("reason").asText())
                .isEqualTo("Attendance can be recorded once the session has started");
        assertThat(registration(presentId).get("status").asText()).isEqualTo("REGISTERED");

        Instant start = OffsetDateTime.parse(api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body()
                .get("startsAt").asText()).toInstant();
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(60)));
        // the day-before reminders go out first (the clock stands still, so a job clashing with
        // the attendance would wait for a retry time that never comes)
        Mailbox.awaitSubjects(present + "@example.org", 2);
        Mailbox.awaitSubjects(away + "@example.org", 2);
        Api.Response attended = status(session, List.of(presentId), "ATTENDED", null);
        assertThat(attended.body().get("applied").get(0).get("status").asText()).isEqualTo("ATTENDED");
        Api.Response absent = status(session, List.of(awayId), "ABSENT", null);
        assertThat(absent.body().get("applied").get(0).get("status").asText()).isEqualTo("ABSENT");
        // attendance is recorded by hand once: a later change goes through the attendance form
        assertThat(status(session, List.of(awayId), "ATTENDED", null).body().get("refused").get(0).get("reason")
                .asText()).isEqualTo("No transition from ABSENT to ATTENDED");

        assertThat(trainingRecords.findAll()).anyMatch(record -> Long.valueOf(presentId).equals(record.getRegistrationId()));
        assertThat(trainingRecords.findAll()).noneMatch(record -> Long.valueOf(awayId).equals(record.getRegistrationId()));
        await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("registration").processInstanceBusinessKey(Long.toString(presentId)).count() == 0);
    }

    @Test
    void copiedLearnersAreBookedThroughTheDestinationsProcessAndEachOutcomeIsReported() {
        long course = fixtures.course(true); // learners stay in the source session: several sessions per learner
        long source = fixtures.session(course, 10, false, false, Map.of());
        long target = fixtures.session(course, 1, true, false, Map.of());
        long approvalTarget = fixtures.session(course, 5, false, true, Map.of());
        long fullTarget = fixtures.session(course, 1, false, false, Map.of());
        String p = fixtures.learner();
        String q = fixtures.learner();
        String r = fixtures.learner();
        String stranger = fixtures.learner();
        long pId = book(p, source);
        book(q, source);
        long rId = book(r, source);
        book(fixtures.learner(), fullTarget);

        Api.Response copied = copy(source, Map.of("targetSessionId", target, "registrationIds", List.of(pId),
                "usernames", List.of(q, stranger), "status", "REGISTERED"));
        assertThat(copied.status()).as(copied.text()).isEqualTo(200);
        JsonNode lines = copied.body().get("copied");
        assertThat(lines).extracting(l -> l.get("username").asText()).containsExactly(p, q);
        assertThat(lines).extracting(l -> l.get("status").asText()).containsExactly("REGISTERED", "WAITING_LIST");
        assertThat(lines.get(0).get("fromRegistrationId").asLong()).isEqualTo(pId);
        JsonNode booked = registration(lines.get(0).get("registrationId").asLong());
        assertThat(booked.get("sessionId").asLong()).isEqualTo(target);
        assertThat(booked.get("method").asText()).isEqualTo("COPY");
        // a seated booking's process starts right after the commit, from the start queue
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("registration")
                .processInstanceBusinessKey(booked.get("id").asText()).count()).isOne();
        assertThat(copied.body().get("refused")).singleElement().satisfies(line -> {
            assertThat(line.get("username").asText()).isEqualTo(stranger);
            assertThat(line.get("reason").asText()).isEqualTo("Not on this session's roster");
        });
        // the source roster is untouched
        assertThat(registration(pId).get("status").asText()).isEqualTo("REGISTERED");

        Api.Response again = copy(source, Map.of("targetSessionId", target, "registrationIds", List.of(pId)));
        assertThat(again.body().get("refused").get(0).get("reason").asText()).startsWith("Already registered");

        Api.Response approval = copy(source, Map.of("targetSessionId", approvalTarget, "registrationIds", List.of(rId)));
        assertThat(approval.body().get("copied").get(0).get("status").asText()).isEqualTo("NEEDS_APPROVAL");
        Api.Response full = copy(source, Map.of("targetSessionId", fullTarget, "registrationIds", List.of(rId)));
        assertThat(full.body().get("copied")).isEmpty();
        assertThat(full.body().get("refused").get(0).get("reason").asText()).isEqualTo("Session full");
        assertThat(roster(fullTarget).get("registrations")).hasSize(1);
    }

    @Test
    void learnersCopiedToTheWaitingListQueueInOrderAndFreeSeatsGoToTheQueueAtOnce() {
        long course = fixtures.course(true);
        long source = fixtures.session(course, 10, false, false, Map.of());
        long full = fixtures.session(course, 1, true, false, Map.of());
        long roomy = fixtures.session(course, 5, true, false, Map.of());
        long noQueue = fixtures.session(course, 5, false, false, Map.of());
        String p = fixtures.learner();
        String q = fixtures.learner();
        long pId = book(p, source);
        long qId = book(q, source);
        long holderId = book(fixtures.learner(), full);

        Api.Response queued = copy(source, Map.of("targetSessionId", full, "registrationIds", List.of(pId, qId),
                "status", "WAITING_LIST"));
        assertThat(queued.status()).as(queued.text()).isEqualTo(200);
        JsonNode lines = queued.body().get("copied");
        assertThat(lines).extracting(l -> l.get("status").asText()).containsExactly("WAITING_LIST", "WAITING_LIST");
        long pQueued = lines.get(0).get("registrationId").asLong();
        long qQueued = lines.get(1).get("registrationId").asLong();
        assertThat(registration(pQueued).get("method").asText()).isEqualTo("COPY");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("registration")
                .processInstanceBusinessKey(Long.toString(pQueued)).count()).isOne();

        // the destination's waiting list works on them: the freed seat goes to the first copied
        assertThat(status(full, List.of(holderId), "CANCELLED", "Cannot come").body().get("applied")).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> registration(pQueued).get("status").asText().equals("INVITED"));
        assertThat(registration(pQueued).get("offerExpiresAt")).isNotNull();
        assertThat(registration(qQueued).get("status").asText()).isEqualTo("WAITING_LIST");

        // beside free seats nobody waits: the copied learner is offered one at once
        Api.Response intoRoomy = copy(source, Map.of("targetSessionId", roomy, "registrationIds", List.of(qId),
                "status", "WAITING_LIST"));
        long qRoomy = intoRoomy.body().get("copied").get(0).get("registrationId").asLong();
        await().atMost(Duration.ofSeconds(30)).until(() -> registration(qRoomy).get("status").asText().equals("INVITED"));
        assertThat(registration(qRoomy).get("history")).extracting(h -> h.get("to").asText())
                .containsSubsequence("WAITING_LIST", "INVITED");

        Api.Response refused = copy(source, Map.of("targetSessionId", noQueue, "registrationIds", List.of(pId),
                "status", "WAITING_LIST"));
        assertThat(refused.body().get("copied")).isEmpty();
        assertThat(refused.body().get("refused").get(0).get("reason").asText()).isEqualTo("The session has no waiting list");
        assertThat(roster(noQueue).get("registrations")).isEmpty();
    }

    @Test
    void copyingOutsideTheCourseOrWithAnotherStatusIsRefusedWhole() {
        long source = fixtures.session(5, false, false);
        long otherCourse = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        long id = book(learner, source);

        Api.Response elsewhere = copy(source, Map.of("targetSessionId", otherCourse, "registrationIds", List.of(id)));
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(elsewhere.body().get("errors").get(0).get("field").asText()).isEqualTo("targetSessionId");
        Api.Response attended = copy(source, Map.of("targetSessionId", source, "registrationIds", List.of(id),
                "status", "ATTENDED"));
        assertThat(attended.status()).isEqualTo(400);
        assertThat(attended.body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(copy(source, Map.of("targetSessionId", otherCourse)).status()).isEqualTo(400);
        assertThat(roster(otherCourse).get("registrations")).isEmpty();
    }

    @Test
    void learnersCopiedAsInvitedGetAnInvitationWhoseAnswerTheManagerMayRecord() {
        long course = fixtures.course(true);
        long source = fixtures.session(course, 5, false, false, Map.of());
        long target = fixtures.session(course, 3, false, false, Map.of());
        String coming = fixtures.learner();
        String notComing = fixtures.learner();
        book(coming, source);
        book(notComing, source);

        Api.Response invited = copy(source, Map.of("targetSessionId", target, "usernames", List.of(coming, notComing),
                "status", "INVITED"));
        assertThat(invited.status()).as(invited.text()).isEqualTo(200);
        assertThat(invited.body().get("copied")).extracting(l -> l.get("status").asText())
                .containsExactly("INVITED", "INVITED");
        long comingId = invited.body().get("copied").get(0).get("registrationId").asLong();
        long notComingId = invited.body().get("copied").get(1).get("registrationId").asLong();
        JsonNode line = registration(comingId);
        assertThat(line.get("method").asText()).isEqualTo("COPY");
        assertThat(line.get("history")).extracting(c -> c.get("to").asText()).containsExactly("NOT_INVITED", "INVITED");
        assertThat(Mailbox.awaitSubjects(coming + "@example.org", 2)).anyMatch(subject -> subject.startsWith("You are invited"));
        assertThat(roster(target).get("seatsTaken").asInt()).isZero();

        Api.Response answered = status(target, List.of(comingId), "REGISTERED", null);
        assertThat(answered.body().get("applied").get(0).get("status").asText()).isEqualTo("REGISTERED");
        Api.Response declined = status(target, List.of(notComingId), "DECLINED", null);
        assertThat(declined.body().get("applied").get(0).get("status").asText()).isEqualTo("DECLINED");
        assertThat(roster(target).get("seatsTaken").asInt()).isOne();
    }

    @Test
    void learnersCopiedIntoADraftWaitUninvitedUntilItIsPublished() {
        long course = fixtures.course(true);
        long source = fixtures.session(course, 5, false, false, Map.of());
        long draft = fixtures.draft(course, 5, false, false, Map.of());
        long open = fixtures.session(course, 5, false, false, Map.of());
        String learner = fixtures.learner();
        long id = book(learner, source);

        assertThat(copy(source, Map.of("targetSessionId", draft, "registrationIds", List.of(id), "status", "REGISTERED"))
                .body().get("errors").get(0).get("field").asText()).isEqualTo("status");
        assertThat(copy(source, Map.of("targetSessionId", open, "registrationIds", List.of(id), "status", "NOT_INVITED"))
                .status()).isEqualTo(409);
        Api.Response added = copy(source, Map.of("targetSessionId", draft, "registrationIds", List.of(id),
                "status", "NOT_INVITED"));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        long copiedId = added.body().get("copied").get(0).get("registrationId").asLong();
        assertThat(added.body().get("copied").get(0).get("status").asText()).isEqualTo("NOT_INVITED");

        Api.Response early = status(draft, List.of(copiedId), "INVITED", null);
        assertThat(early.body().get("refused").get(0).get("reason").asText())
                .isEqualTo("Invitations go out when the session is published");
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + draft + "/publish", null).status()).isEqualTo(200);
        assertThat(registration(copiedId).get("status").asText()).isEqualTo("INVITED");
    }

    @Test
    void aCourseOfOneSessionPerLearnerTakesOnlyLearnersWhoLeftTheSource() {
        long course = fixtures.course(false);
        long source = fixtures.session(course, 5, true, false, Map.of());
        long target = fixtures.session(course, 5, false, false, Map.of());
        String staying = fixtures.learner();
        String leaving = fixtures.learner();
        long stayingId = book(staying, source);
        long leavingId = book(leaving, source);
        assertThat(status(source, List.of(leavingId), "CANCELLED", "Cannot make it").body().get("applied")).hasSize(1);

        for (String status : List.of("REGISTERED", "INVITED")) {
            Api.Response copied = copy(source, Map.of("targetSessionId", target,
                    "registrationIds", List.of(stayingId), "status", status));
            assertThat(copied.body().get("copied")).as(status).isEmpty();
            assertThat(copied.body().get("refused").get(0).get("reason").asText()).as(status)
                    .contains("allows one session per learner");
        }
        Api.Response copied = copy(source, Map.of("targetSessionId", target, "registrationIds", List.of(leavingId)));
        assertThat(copied.body().get("copied").get(0).get("status").asText()).isEqualTo("REGISTERED");
        assertThat(roster(target).get("registrations")).hasSize(1);
    }
}
