package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.muster.people.PeopleService;
import io.muster.roster.RegistrationMethod;
import io.muster.roster.RegistrationRepository;
import io.muster.roster.RegistrationStatus;
import io.muster.roster.RosterService;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A booking is decided and seated in the request and its registration process starts right after
 * the commit, from the registration_process_start queue: the process always follows, and nothing
 * the learner does in between is lost.
 */
@IntegrationTest
class BookingProcessStartIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired RosterService roster;
    @Autowired PeopleService people;
    @Autowired RegistrationRepository registrations;
    @Autowired ProcessStartQueue queue;
    @Autowired RegistrationStarter starter;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RegistrationService registrationService;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    private HistoricProcessInstance processOf(long registration) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .processInstanceBusinessKey(Long.toString(registration)).singleResult();
    }

    private long queued(long registration) {
        return jdbc.queryForObject("select count(*) from registration_process_start where registration_id = ?",
                Long.class, registration);
    }

    /** A booking committed with its start queued, as if the node went down before starting it. */
    private long bookedButNotStarted(String learner, long session) {
        return new TransactionTemplate(transactions).execute(status -> {
            long id = roster.book(session, people.get(learner).getId(), RegistrationMethod.SELF, learner)
                    .registrationId();
            queue.add(id, learner);
            return id;
        });
    }

    /** Fixes the engine's clock (the queue's too) for a test that moves it; answers the moment. */
    private static Instant fixClock() {
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(t0));
        return t0;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A booking whose process start failed once, before any drain could see it; it waits the first retry. */
    private long bookedWithAFailedStart(long session) {
        String learner = fixtures.learner();
        return new TransactionTemplate(transactions).execute(status -> {
            long booked = bookedButNotStarted(learner, session);
            assertThat(queue.failed(booked, "first failure"))
                    .contains(ClockUtil.getCurrentTime().toInstant().plus(ProcessStartQueue.FIRST_RETRY));
            return booked;
        });
    }

    @Test
    void aBookingIsAnsweredWithItsSeatAndItsProcessFollowsWithTheConfirmationMail() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();

        Api.Response booked = api.post(learner, Api.passwordOf(learner), "/api/sessions/" + session + "/registrations",
                null);

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("REGISTERED");
        long id = booked.body().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(Long.toString(id)).activityId(RegistrationProcess.EVENT_REGISTERED)
                .count() == 1);
        assertThat(queued(id)).isZero();
        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 1)).hasSize(1);
    }

    @Test
    void aStartLeftBehindIsMadeByTheCatchUpRunAndThenWaitsAtTheSeatItWasGiven() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        long id = bookedButNotStarted(learner, session);
        assertThat(queued(id)).isOne();
        assertThat(processOf(id)).isNull();

        starter.drain(); // what the catch-up timer runs on every node

        assertThat(queued(id)).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(Long.toString(id))
                .activityId(RegistrationProcess.EVENT_REGISTERED).count()).isOne();
    }

    @Test
    void aBookingCancelledBeforeItsProcessStartedEndsWithoutOneAndFreesItsSeat() {
        long session = fixtures.session(1, false, false);
        String learner = fixtures.learner();
        long id = bookedButNotStarted(learner, session);

        Api.Response cancelled = api.post(learner, Api.passwordOf(learner), "/api/registrations/" + id + "/cancel",
                null);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(registrations.findById(id).orElseThrow().getStatus()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(queued(id)).isZero();
        assertThat(processOf(id)).isNull();
        assertThat(jdbc.queryForObject("select seats_taken from training_session where id = ?", Integer.class,
                session)).isZero();
        // the freed seat is bookable again at once
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(201);
    }

    @Test
    void aLearnerOnTheWaitingListBeforeTheirProcessStartedIsStillOfferedTheFreedSeat() {
        long session = fixtures.session(1, true, false);
        String first = fixtures.learner();
        String second = fixtures.learner();
        assertThat(fixtures.book(first, session).status()).isEqualTo(201);
        long waiting = bookedButNotStarted(second, session);
        assertThat(registrations.findById(waiting).orElseThrow().getStatus()).isEqualTo(RegistrationStatus.WAITING_LIST);
        long firstId = registrations.findBySessionIdOrderByRequestedAtAscIdAsc(session).get(0).getId();

        assertThat(api.post(first, Api.passwordOf(first), "/api/registrations/" + firstId + "/cancel", null).status())
                .isEqualTo(200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                registrations.findById(waiting).orElseThrow().getOfferExpiresAt() != null);
        assertThat(api.post(second, Api.passwordOf(second), "/api/registrations/" + waiting + "/accept", null)
                .body().get("status").asText()).isEqualTo("REGISTERED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runtime.createExecutionQuery()
                .processInstanceBusinessKey(Long.toString(waiting)).activityId(RegistrationProcess.EVENT_REGISTERED)
                .count() == 1);
    }

    @Test
    void aStartThatFailedWaitsLongerAfterEachFailureWithItsErrorKeptAndStartsOnceItsWaitIsOver() {
        Instant t0 = fixClock();
        long id = bookedWithAFailedStart(fixtures.session(5, false, false));

        starter.drain();
        assertThat(queued(id)).isOne();
        assertThat(processOf(id)).isNull();

        new TransactionTemplate(transactions).executeWithoutResult(status ->
                assertThat(queue.failed(id, "second failure")).contains(t0.plus(Duration.ofMinutes(2))));
        Map<String, Object> retry = jdbc.queryForMap(
                "select attempts, last_error from registration_process_start where registration_id = ?", id);
        assertThat(retry).containsEntry("attempts", 2).containsEntry("last_error", "second failure");
        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(2)).minusSeconds(1)));
        starter.drain();
        assertThat(queued(id)).isOne();

        ClockUtil.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(2))));
        starter.drain(); // or the catch-up timer's drain, if it is running right now
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> queued(id) == 0);
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(Long.toString(id))
                .activityId(RegistrationProcess.EVENT_REGISTERED).count()).isOne();
    }

    @Test
    void aMovedSessionLeavesAStartThatFailedToItsRetryWhichStartsWithTheNewTimes() {
        Instant t0 = fixClock();
        long session = fixtures.session(5, false, false);
        long id = bookedWithAFailedStart(session);

        // telling the registration that its session moved does not try the failed start again
        jdbc.update("update training_session set starts_at = starts_at + interval '1 day', "
                + "ends_at = ends_at + interval '1 day' where id = ?", session);
        registrationService.rescheduled(session);
        assertThat(queued(id)).isOne();
        assertThat(processOf(id)).isNull();

        ClockUtil.setCurrentTime(Date.from(t0.plus(ProcessStartQueue.FIRST_RETRY)));
        starter.drain(); // or the catch-up timer's drain, if it is running right now
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> queued(id) == 0);
        Instant startsAt = jdbc.queryForObject("select starts_at from training_session where id = ?",
                java.sql.Timestamp.class, session).toInstant();
        assertThat(management.createJobQuery().processInstanceId(processOf(id).getId())
                .activityId(RegistrationProcess.TIMER_REMINDER_DUE).singleResult().getDuedate())
                .isEqualTo(Date.from(startsAt.minus(Duration.ofHours(24))));
    }

    @Test
    void theWaitAfterAFailedStartDoublesUpToAnHour() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        Instant t0 = fixClock();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            long id = bookedButNotStarted(learner, session);
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                waits.add(Duration.between(t0, queue.failed(id, "failure " + i).orElseThrow()).toMinutes());
            }
            assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
            status.setRollbackOnly();
        });
    }
}
