package io.muster.segment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.common.Database;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is in which segment, kept as rows and matched in SQL: a whole segment at once when it is
 * created, one person at a time when their profile changes.
 */
@Component
class SegmentMembership {

    /** The profile fields of a person a rule may name, beside their custom profile fields. */
    static final Map<String, String> STANDARD_FIELDS = Map.of(
            "department", "p.department",
            "jobRole", "p.job_role",
            "location", "p.location",
            "employmentType", "p.employment_type");

    /**
     * Segment {@code s} matches person {@code p}: no field the rule names lacks a value equal to
     * the person's (a standard column, else the custom profile field of that name).
     */
    private static final String MATCHES = """
            not exists (select 1 from segment_rule_value r where r.segment_id = s.id
                and not exists (select 1 from segment_rule_value v where v.segment_id = s.id
                    and v.field_name = r.field_name
                    and v.field_value = case r.field_name %s
                        else (select f.field_value from person_profile_field f
                              where f.person_id = p.id and f.field_name = r.field_name) end))
            """.formatted(STANDARD_FIELDS.entrySet().stream()
                    .map(field -> "when '" + field.getKey() + "' then " + field.getValue())
                    .collect(java.util.stream.Collectors.joining(" ")));

    /** Segments the person joined and left with their last profile change. */
    record Change(long personId, Set<Long> joined, Set<Long> left) {

        boolean isEmpty() {
            return joined.isEmpty() && left.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final boolean postgres;
    private final EntityManager entities;
    private final Clock clock;

    SegmentMembership(JdbcTemplate jdbc, EntityManager entities, Clock clock, Database database) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.postgres = database.postgres();
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * Waits for the profile changes under way, and holds off new ones, until the transaction ends:
     * a segment is created, its rule changes or it goes. Its members are then read from committed
     * profiles, and a profile change that follows reads the segment as it is then. Taken before the
     * segment's row is touched: a profile change under way may still join the segment, and its
     * foreign-key check then shares the row's key, which a new name or a deletion would hold.
     */
    void lockForSegmentChange() {
        jdbc.queryForList("select id from segment_membership_lock where id = 1 for update", Integer.class);
    }

    /** Fills a new segment with everyone its rule matches; answers how many. Under {@link #lockForSegmentChange}. */
    int fill(long segmentId) {
        entities.flush();
        return jdbc.update("insert into segment_member (segment_id, person_id, joined_at) "
                + "select s.id, p.id, ? from segment s cross join person p where s.id = ? and " + MATCHES,
                now(), segmentId);
    }

    /**
     * Brings a segment's members in line with its rule as it is now in this transaction (the rule
     * changed); answers how many people joined or left. Under {@link #lockForSegmentChange}.
     */
    int refill(long segmentId) {
        entities.flush();
        int left = jdbc.update("delete from segment_member m where m.segment_id = ? and not exists "
                + "(select 1 from segment s join person p on p.id = m.person_id where s.id = m.segment_id and "
                + MATCHES + ")", segmentId);
        int joined = jdbc.update("insert into segment_member (segment_id, person_id, joined_at) "
                + "select s.id, p.id, ? from segment s cross join person p where s.id = ? and " + MATCHES
                + " and not exists (select 1 from segment_member m where m.segment_id = s.id and m.person_id = p.id)",
                now(), segmentId);
        return left + joined;
    }

    /**
     * The next people in id order, after the given one, whose enrolments from the segment are not
     * what its membership says: members lacking the segment's source on one of its linked courses,
     * and non-members still holding it.
     */
    List<Long> outOfLine(long segmentId, String source, long afterPersonId, int limit) {
        return jdbc.queryForList("""
                select person_id from (
                    select m.person_id from segment_member m
                    where m.segment_id = ? and m.person_id > ?
                      and exists (select 1 from segment_course l where l.segment_id = m.segment_id
                          and not exists (select 1 from enrolment e join enrolment_source es on es.enrolment_id = e.id
                                          where e.person_id = m.person_id and e.course_id = l.course_id
                                            and es.source = ?))
                    union
                    select e.person_id from enrolment e join enrolment_source es on es.enrolment_id = e.id
                    where es.source = ? and e.person_id > ?
                      and not exists (select 1 from segment_member m where m.segment_id = ? and m.person_id = e.person_id)
                ) out_of_line order by person_id fetch first ? rows only""", Long.class,
                segmentId, afterPersonId, source, source, afterPersonId, segmentId, limit);
    }

    /**
     * Holds the segment's row against a rule change, a deletion or another run on it until the
     * transaction ends; answers whether the segment exists. On PostgreSQL the hold leaves the row's
     * key shared, so a profile change joining the segment (its foreign-key check shares the key)
     * goes on: it holds the person's row, which the holder may be about to wait for.
     */
    boolean lockSegment(long segmentId) {
        return !jdbc.queryForList("select id from segment where id = ? " + (postgres ? "for no key update" : "for update"),
                Long.class, segmentId).isEmpty();
    }

    /**
     * Holds off segment changes (see {@link #lockForSegmentChange}) until the transaction ends, but
     * not other people's changes: the memberships this transaction reads stay as they are until it
     * commits, and a segment change's run, which starts after that change, sees what it wrote.
     * Profile changes, each person's own smart-enrolment run and each chunk of a link's run take
     * it; shared where the database can (H2 cannot: there they take turns).
     */
    void lockForPersonChange() {
        jdbc.queryForList("select id from segment_membership_lock where id = 1 " + (postgres ? "for share" : "for update"),
                Integer.class);
    }

    /** Brings one person's memberships in line with their profile as it is now in this transaction. */
    Change follow(long personId) {
        lockForPersonChange();
        entities.flush();
        Set<Long> matched = new HashSet<>(jdbc.queryForList(
                "select s.id from segment s cross join person p where p.id = ? and " + MATCHES, Long.class, personId));
        Set<Long> current = new HashSet<>(jdbc.queryForList(
                "select segment_id from segment_member where person_id = ?", Long.class, personId));
        Set<Long> joined = new HashSet<>(matched);
        joined.removeAll(current);
        Set<Long> left = new HashSet<>(current);
        left.removeAll(matched);
        Timestamp now = now();
        for (Long segmentId : joined) {
            jdbc.update("insert into segment_member (segment_id, person_id, joined_at) values (?, ?, ?)",
                    segmentId, personId, now);
        }
        for (Long segmentId : left) {
            jdbc.update("delete from segment_member where segment_id = ? and person_id = ?", segmentId, personId);
        }
        return new Change(personId, Set.copyOf(joined), Set.copyOf(left));
    }

    /**
     * The next members of a segment in id order, after the given person id, their rows held until
     * the transaction ends (locked in id order, as {@link io.muster.people.PersonLock} locks several).
     */
    List<Long> lockMembersAfter(long segmentId, long afterPersonId, int limit) {
        return jdbc.queryForList("select id from person where id in (select person_id from segment_member "
                + "where segment_id = ? and person_id > ? order by person_id fetch first ? rows only) "
                + "order by id for update", Long.class, segmentId, afterPersonId, limit);
    }

    /** Which of the people are members of the segment. */
    Set<Long> membersAmong(long segmentId, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList(
                "select person_id from segment_member where segment_id = :segment and person_id in (:ids)",
                Map.of("segment", segmentId, "ids", personIds), Long.class));
    }

    /** Member counts of every segment that has members. */
    Map<Long, Long> counts() {
        Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.query("select segment_id, count(*) from segment_member group by segment_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    long count(long segmentId) {
        return jdbc.queryForObject("select count(*) from segment_member where segment_id = ?", Long.class, segmentId);
    }

    /** Usernames of a segment's members, in name order, a page at a time. */
    List<String> usernames(long segmentId, int offset, int limit) {
        return jdbc.queryForList("select p.username from segment_member m join person p on p.id = m.person_id "
                + "where m.segment_id = ? order by p.username offset ? rows fetch next ? rows only",
                String.class, segmentId, offset, limit);
    }

    /** Whether any person has a custom profile field of this name. */
    boolean customFieldInUse(String fieldName) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from person_profile_field where field_name = ?)", Boolean.class, fieldName));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
