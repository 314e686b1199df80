package io.muster.session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model of the learners' calendar: every scheduled session that has not started, with
 * its visibility lists, in four set-based queries however many sessions there are. The result is
 * shared by all requests until a session or seat changes on this node (see {@link CalendarChanges})
 * or {@code muster.calendar.snapshot-ttl} passes (what bounds changes made on other nodes).
 */
@Component
public class UpcomingSessions {

    private final JdbcTemplate jdbc;
    private final CalendarChanges changes;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    private record Snapshot(long version, Instant takenAt, List<Upcoming> sessions) {
    }

    UpcomingSessions(JdbcTemplate jdbc, CalendarChanges changes,
            @Value("${muster.calendar.snapshot-ttl}") Duration ttl) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.ttl = ttl;
    }

    public record Upcoming(long id, long courseId, String courseTitle, String title, String shortDescription,
            Instant startsAt, Instant endsAt, String timeZone, int durationMinutes, String type, String location,
            String onlineUrl, Integer capacity, int seatsTaken, boolean waitingList, boolean approvalRequired,
            String status, List<String> departments, List<String> jobRoles, List<String> locations) {

        public Integer seatsLeft() {
            return capacity == null ? null : Math.max(0, capacity - seatsTaken);
        }
    }

    public List<Upcoming> scheduledAfter(Instant now) {
        Snapshot current = snapshot;
        long version = changes.version();
        if (current != null && current.version() == version && !now.isBefore(current.takenAt())
                && now.isBefore(current.takenAt().plus(ttl))) {
            return current.sessions().stream().filter(s -> s.startsAt().isAfter(now)).toList();
        }
        List<Upcoming> sessions = load(now);
        snapshot = new Snapshot(version, now, sessions);
        return sessions;
    }

    private List<Upcoming> load(Instant now) {
        Timestamp from = Timestamp.from(now);
        Map<Long, List<String>> departments = values("session_department", "department", from);
        Map<Long, List<String>> jobRoles = values("session_job_role", "job_role", from);
        Map<Long, List<String>> locations = values("session_location", "location", from);
        return jdbc.query("""
                select s.id, s.course_id, c.title as course_title, s.title, s.short_description, s.starts_at,
                       s.ends_at, s.time_zone, s.duration_minutes, s.type, s.location, s.online_url, s.capacity,
                       s.seats_taken, s.waiting_list, s.approval_required, s.status
                from training_session s join course c on c.id = s.course_id
                where s.status = 'SCHEDULED' and s.starts_at > ?
                order by s.starts_at, s.id""", (rs, i) -> {
                    long id = rs.getLong("id");
                    return new Upcoming(id, rs.getLong("course_id"), rs.getString("course_title"),
                            rs.getString("title"), rs.getString("short_description"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                            rs.getString("time_zone"), rs.getInt("duration_minutes"), rs.getString("type"),
                            rs.getString("location"), rs.getString("online_url"),
                            (Integer) rs.getObject("capacity", Integer.class), rs.getInt("seats_taken"),
                            rs.getBoolean("waiting_list"), rs.getBoolean("approval_required"), rs.getString("status"),
                            departments.getOrDefault(id, List.of()), jobRoles.getOrDefault(id, List.of()),
                            locations.getOrDefault(id, List.of()));
                }, from);
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
