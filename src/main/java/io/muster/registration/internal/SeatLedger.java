package io.muster.registration.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.muster.common.NotFoundException;
import io.muster.session.CalendarChanges;
import io.muster.session.SessionStatus;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;

/**
 * The one writer of a session's seat count. Every change first locks the session row
 * (SELECT ... FOR UPDATE), so bookings, cancellations and offers on one session are serialised
 * across threads and nodes; the database's check constraint stays the last guard.
 */
@Component
public class SeatLedger {

    private final EntityManager em;
    private final CalendarChanges calendar;

    SeatLedger(EntityManager em, CalendarChanges calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    /** Locks the session row until the transaction ends and reads its seats. */
    public SessionSeats lock(long sessionId) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select capacity, seats_taken, waiting_list, status, starts_at, ends_at
                from training_session where id = :id for update""")
                .setParameter("id", sessionId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Session", sessionId);
        }
        Object[] row = rows.get(0);
        long queued = em.createQuery("""
                select count(r) from Registration r
                where r.sessionId = :id and r.status = io.muster.registration.RegistrationStatus.WAITING_LIST""", Long.class)
                .setParameter("id", sessionId).getSingleResult();
        return new SessionSeats(sessionId, row[0] == null ? null : ((Number) row[0]).intValue(),
                ((Number) row[1]).intValue(), (Boolean) row[2], SessionStatus.valueOf((String) row[3]), instant(row[4]), instant(row[5]),
                queued);
    }

    public void take(long sessionId) {
        change(sessionId, 1);
    }

    public void release(long sessionId) {
        change(sessionId, -1);
    }

    private void change(long sessionId, int delta) {
        em.createNativeQuery("update training_session set seats_taken = seats_taken + :delta where id = :id")
                .setParameter("delta", delta).setParameter("id", sessionId).executeUpdate();
        calendar.changed();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
