package io.muster.session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import io.muster.rules.Decisions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model of the learners' calendar: every scheduled session that has not started, with
 * its visibility lists, in four set-based queries however many sessions there are. The result is
 * shared by all requests until a session or seat changes on this node (see {@link CalendarChanges})
 * or {@code muster.calendar.snapshot-ttl} passes (what bounds changes made on other nodes).
 * One request at a time reloads it: after a change here the others wait for that load, after the
 * time-to-live only they go on with the snapshot they have, so a busy calendar never loads it
 * once per request.
 */
@Component
public class UpcomingSessions {

    private final JdbcTemplate jdbc;
    private final CalendarChanges changes;
    private final Duration ttl;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Snapshot snapshot;

    private record Snapshot(long version, Instant takenAt, List<Upcoming> sessions) {

        /** No change on this node since it was taken (and the clock has not gone back). */
        boolean current(long version, Instant now) {
            return this.version == version && !now.isBefore(takenAt);
        }

        boolean fresh(long version, Instant now, Duration ttl) {
            return current(version, now) && now.isBefore(takenAt.plus(ttl));
        }

        /** The sessions starting after now: the snapshot is ordered by start, so a tail of it. */
        List<Upcoming> after(Instant now) {
            int low = 0;
            int high = sessions.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sessions.get(mid).startsAt().isAfter(now)) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return sessions.subList(low, sessions.size());
        }
    }

    UpcomingSessions(JdbcTemplate jdbc, CalendarChanges changes, CalendarSnapshotSettings settings) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.ttl = settings.snapshotTtl();
    }

    /**
     * Who a session is for: its visibility lists. Within a snapshot equal lists are one instance,
     * so a caller can decide once per audience (there are few) instead of once per session.
     */
    public record Audience(List<String> departments, List<String> jobRoles, List<String> locations) {
    }

    public record Upcoming(long id, long courseId, String courseTitle, String title, String shortDescription,
            Instant startsAt, Instant endsAt, String timeZone, int durationMinutes, String type, String location,
            String onlineUrl, String trainerName, Integer capacity, int seatsTaken, boolean waitingList,
            boolean approvalRequired, String status, Audience audience) {

        public Integer seatsLeft() {
            return capacity == null ? null : Math.max(0, capacity - seatsTaken);
        }

        /** The session as the session-visibility table reads it at the given instant. */
        public Decisions.SessionRules rules(Instant now) {
            return new Decisions.SessionRules(audience.departments(), audience.jobRoles(), audience.locations(), status,
                    startsAt.isAfter(now));
        }
    }

    /** Every SCHEDULED session starting after now, soonest first; the list is read-only. */
    public List<Upcoming> scheduledAfter(Instant now) {
        long version = changes.version();
        Snapshot current = snapshot;
        if (current == null || !current.current(version, now)) {
            current = reload(version, now, true);
        } else if (!current.fresh(version, now, ttl)) {
            current = reload(version, now, false);
        }
        return current.after(now);
    }

    /**
     * Loads a new snapshot unless another request just did. With {@code mustWait} false (only the
     * time-to-live passed) a request that finds a load under way goes on with the snapshot it has.
     */
    private Snapshot reload(long version, Instant now, boolean mustWait) {
        if (mustWait) {
            loading.lock();
        } else if (!loading.tryLock()) {
            return snapshot;
        }
        try {
            Snapshot current = snapshot;
            if (current != null && current.fresh(version, now, ttl)) {
                return current;
            }
            Snapshot loaded = new Snapshot(version, now, load(now));
            snapshot = loaded;
            return loaded;
        } finally {
            loading.unlock();
        }
    }

    private List<Upcoming> load(Instant now) {
        Timestamp from = Timestamp.from(now);
        Map<Long, List<String>> departments = values("session_department", "department", from);
        Map<Long, List<String>> jobRoles = values("session_job_role", "job_role", from);
        Map<Long, List<String>> locations = values("session_location", "location", from);
        Map<Audience, Audience> audiences = new HashMap<>();
        return jdbc.query("""
                select s.id, s.course_id, c.title as course_title, s.title, s.short_description, s.starts_at,
                       s.ends_at, s.time_zone, s.duration_minutes, s.type, s.location, s.online_url, s.capacity,
                       s.seats_taken, s.waiting_list, s.approval_required, s.status, t.name as trainer_name
                from training_session s join course c on c.id = s.course_id
                left join person t on t.id = s.trainer_id
                where s.status = 'SCHEDULED' and s.starts_at > ?
                order by s.starts_at, s.id""", (rs, i) -> {
                    long id = rs.getLong("id");
                    return new Upcoming(id, rs.getLong("course_id"), rs.getString("course_title"),
                            rs.getString("title"), rs.getString("short_description"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                            rs.getString("time_zone"), rs.getInt("duration_minutes"), rs.getString("type"),
                            rs.getString("location"), rs.getString("online_url"), rs.getString("trainer_name"),
                            (Integer) rs.getObject("capacity", Integer.class), rs.getInt("seats_taken"),
                            rs.getBoolean("waiting_list"), rs.getBoolean("approval_required"), rs.getString("status"),
                            audiences.computeIfAbsent(new Audience(departments.getOrDefault(id, List.of()),
                                    jobRoles.getOrDefault(id, List.of()), locations.getOrDefault(id, List.of())),
                                    audience -> audience));
                }, from).stream().toList();
    }

    private Map<Long, List<String>> values(String table, String column, Timestamp from) {
        Map<Long, List<String>> values = new HashMap<>();
        jdbc.query("select v.session_id, v." + column + " from " + table + " v join training_session s on s.id = v.session_id"
                + " where s.status = 'SCHEDULED' and s.starts_at > ? order by v." + column, rs -> {
                    values.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, from);
        return values;
    }
}
