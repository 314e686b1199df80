package io.muster.segment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Courses linked to segments for smart enrolment. */
@Component
class SegmentLinks {

    /** A course linked to a segment. */
    record Link(long segmentId, long courseId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SegmentLinks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean exists(long segmentId, long courseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from segment_course where segment_id = ? and course_id = ?)",
                Boolean.class, segmentId, courseId));
    }

    void link(long segmentId, long courseId, String actor) {
        jdbc.update("insert into segment_course (segment_id, course_id, linked_at, linked_by) values (?, ?, ?, ?)",
                segmentId, courseId, Timestamp.from(clock.instant()), actor);
    }

    /** Answers whether there was such a link. */
    boolean unlink(long segmentId, long courseId) {
        return jdbc.update("delete from segment_course where segment_id = ? and course_id = ?", segmentId, courseId) > 0;
    }

    boolean isLinked(long courseId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from segment_course where course_id = ?)", Boolean.class, courseId));
    }

    List<LinkedCourse> coursesOf(long segmentId) {
        return jdbc.query("select c.id, c.code, c.title, l.linked_at, l.linked_by from segment_course l "
                + "join course c on c.id = l.course_id where l.segment_id = ? order by c.code",
                (rs, i) -> new LinkedCourse(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)),
                segmentId);
    }

    /**
     * The links of every segment the person is in, locked until the transaction ends: a chunk
     * enrolling a segment's members holds the same lock, so the two never enrol one person at once.
     */
    List<Link> lockLinksOfMember(long personId) {
        return jdbc.query("select segment_id, course_id from segment_course where segment_id in "
                + "(select segment_id from segment_member where person_id = ?) order by segment_id, course_id for update",
                (rs, i) -> new Link(rs.getLong(1), rs.getLong(2)), personId);
    }

    /** The courses linked to the segment, their links locked until the transaction ends. */
    List<Long> lockCoursesOf(long segmentId) {
        return jdbc.queryForList("select course_id from segment_course where segment_id = ? order by course_id for update",
                Long.class, segmentId);
    }

    /** Whether the course is linked to the segment, locking the link until the transaction ends. */
    boolean lockIfLinked(long segmentId, long courseId) {
        return !jdbc.queryForList("select course_id from segment_course where segment_id = ? and course_id = ? for update",
                Long.class, segmentId, courseId).isEmpty();
    }
}
