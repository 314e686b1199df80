package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What PostgreSQL itself refuses, whatever the application code does. */
@IntegrationTest
class DatabaseInvariantsIT {

    @Autowired JdbcTemplate jdbc;

    long course;
    long person;
    long trainer;

    @BeforeEach
    void rows() {
        String tag = Long.toString(System.nanoTime());
        course = jdbc.queryForObject("""
                insert into course (code, title, kind, enrolment_method, required, allow_multiple_sessions, allow_failure)
                values (?, 'Invariants', 'ILT', 'SELF', false, false, false) returning id""", Long.class, "INV" + tag);
        person = person("inv-learner" + tag);
        trainer = person("inv-trainer" + tag);
    }

    private long person(String username) {
        return jdbc.queryForObject("""
                insert into person (username, name, email, time_zone, employment_type, created_at)
                values (?, 'Someone', 'someone@example.org', 'UTC', 'EMPLOYEE', now()) returning id""", Long.class,
                username);
    }

    private long session(Integer capacity, Long trainerId, OffsetDateTime start, int minutes) {
        return jdbc.queryForObject("""
                insert into training_session (course_id, title, starts_at, ends_at, time_zone, duration_minutes, type,
                    location, trainer_id, capacity, waiting_list, approval_required, status, created_at)
                values (?, 'S', ?, ?, 'UTC', ?, 'IN_PERSON', 'Room', ?, ?, true, false, 'SCHEDULED', now())
                returning id""", Long.class, course, start, start.plusMinutes(minutes), minutes, trainerId, capacity);
    }

    private void register(long session, String status) {
        jdbc.update("""
                insert into registration (session_id, person_id, status, method, requested_at, created_at, updated_at)
                values (?, ?, ?, 'SELF', now(), now(), now())""", session, person, status);
    }

    static OffsetDateTime start(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withNano(0);
    }

    @Test
    void seatsTakenNeverExceedCapacity() {
        long s = session(2, null, start(30), 60);
        jdbc.update("update training_session set seats_taken = 2 where id = ?", s);
        assertThatThrownBy(() -> jdbc.update("update training_session set seats_taken = 3 where id = ?", s))
                .isInstanceOf(DataIntegrityViolationException.class);
        long unlimited = session(null, null, start(30), 60);
        jdbc.update("update training_session set seats_taken = 500 where id = ?", unlimited);
    }

    @Test
    void onePersonHasOneLiveRegistrationPerSessionButMayRegisterAgainAfterCancelling() {
        long s = session(10, null, start(31), 60);
        register(s, "CANCELLED");
        register(s, "DECLINED");
        register(s, "WAITING_LIST");
        assertThatThrownBy(() -> register(s, "REGISTERED")).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ?", Long.class, s))
                .isEqualTo(3);
    }

    @Test
    void aTrainerIsNeverInTwoOverlappingSessionsUnlessOneIsCancelled() {
        OffsetDateTime start = start(32);
        long first = session(10, trainer, start, 120);
        assertThatThrownBy(() -> session(10, trainer, start.plusMinutes(119), 30))
                .isInstanceOf(DataIntegrityViolationException.class);
        session(10, trainer, start.plusMinutes(120), 30);
        jdbc.update("update training_session set status = 'CANCELLED' where id = ?", first);
        session(10, trainer, start.plusMinutes(30), 30);
    }
}
