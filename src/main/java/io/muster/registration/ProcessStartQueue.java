package io.muster.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import io.muster.roster.RegistrationMethod;
import io.muster.roster.RegistrationStatus;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Registrations whose seat is booked and whose process has yet to start (table
 * registration_process_start). Rows are claimed with SKIP LOCKED, so several nodes drain the
 * queue side by side and a booking's own follow-up (a cancellation, say) waits for the one
 * start that holds it.
 */
@Component
class ProcessStartQueue {

    /** What a queued start needs: the registration as it is now and its session's times. */
    record Queued(long registrationId, long sessionId, long personId, RegistrationMethod method,
            RegistrationStatus status, String actor, Date startsAt, Date endsAt) {
    }

    private static final String SELECT = """
            select q.registration_id, r.session_id, r.person_id, r.method, r.status, q.actor, s.starts_at, s.ends_at
            from registration_process_start q
            join registration r on r.id = q.registration_id
            join training_session s on s.id = r.session_id
            """;

    private static final RowMapper<Queued> ROW = (rs, i) -> new Queued(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            RegistrationMethod.valueOf(rs.getString(4)), RegistrationStatus.valueOf(rs.getString(5)), rs.getString(6),
            new Date(rs.getTimestamp(7).getTime()), new Date(rs.getTimestamp(8).getTime()));

    /** The wait after a start's first failure; it doubles with each further one, up to {@link #LAST_RETRY}. */
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LAST_RETRY = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final EntityManager em;
    private final Clock clock;

    ProcessStartQueue(JdbcTemplate jdbc, EntityManager em, Clock clock) {
        this.jdbc = jdbc;
        this.em = em;
        this.clock = clock;
    }

    void add(long registrationId, String actor) {
        jdbc.update("insert into registration_process_start (registration_id, actor, queued_at) values (?, ?, ?)",
                registrationId, actor, Timestamp.from(Instant.now(clock)));
    }

    /**
     * Up to {@code limit} queued starts that are due (never failed, or waited out their last
     * failure), oldest first, locked for the caller's transaction; others' skipped.
     */
    List<Queued> claim(int limit) {
        // only the queue's rows are locked: the session rows stay free for bookings
        List<Long> ids = jdbc.queryForList("""
                select registration_id from registration_process_start
                where next_attempt_at is null or next_attempt_at <= ?
                order by queued_at, registration_id limit ? for update skip locked""", Long.class,
                Timestamp.from(Instant.now(clock)), limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(SELECT + " where q.registration_id in (" + marks(ids.size())
                + ") order by q.queued_at, q.registration_id", ROW, ids.toArray());
    }

    /** The registration's queued start, locked (waiting for a node that is starting it right now). */
    Optional<Queued> lock(long registrationId) {
        return lock(registrationId, "");
    }

    /**
     * As {@link #lock}, but empty for a start that has failed before: that one is left to its
     * retry, which starts it as the registration is then, so whatever else touches the
     * registration meanwhile (a cancellation, a moved session) does not fail with it.
     */
    Optional<Queued> lockUnlessFailed(long registrationId) {
        return lock(registrationId, " and q.attempts = 0");
    }

    private Optional<Queued> lock(long registrationId, String condition) {
        em.flush(); // the caller may just have moved the registration: read its status as it is now
        List<Long> ids = jdbc.queryForList(
                "select registration_id from registration_process_start where registration_id = ? for update",
                Long.class, registrationId);
        return ids.isEmpty() ? Optional.empty()
                : jdbc.query(SELECT + " where q.registration_id = ?" + condition, ROW, registrationId).stream()
                        .findFirst();
    }

    /**
     * Records that the registration's start failed: it is tried again after a wait that doubles
     * with every failure, from {@link #FIRST_RETRY} up to {@link #LAST_RETRY}, and keeps its error.
     *
     * @return when it is tried again, or empty when it is no longer queued
     */
    Optional<Instant> failed(long registrationId, String error) {
        List<Integer> attempts = jdbc.queryForList(
                "select attempts from registration_process_start where registration_id = ? for update", Integer.class,
                registrationId);
        if (attempts.isEmpty()) {
            return Optional.empty();
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts.get(0), 16));
        Instant next = Instant.now(clock).plus(wait.compareTo(LAST_RETRY) < 0 ? wait : LAST_RETRY);
        jdbc.update("""
                update registration_process_start set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                where registration_id = ?""", Timestamp.from(next),
                error == null ? null : error.substring(0, Math.min(error.length(), 1000)), registrationId);
        return Optional.of(next);
    }

    void remove(List<Long> registrationIds) {
        if (!registrationIds.isEmpty()) {
            jdbc.update("delete from registration_process_start where registration_id in (" + marks(registrationIds.size())
                    + ")", registrationIds.toArray());
        }
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
