package io.muster.segment;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.course.Course;
import io.muster.course.CourseRepository;
import io.muster.course.EnrolmentMethod;
import io.muster.people.EmploymentType;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Segments, their members and their course links. Every rule is checked before anything is written. */
@Service
public class SegmentService {

    private final SegmentRepository segments;
    private final SegmentMembership membership;
    private final SegmentLinks links;
    private final CourseRepository courses;
    private final SmartEnrolmentFacade smartEnrolment;
    private final Clock clock;

    SegmentService(SegmentRepository segments, SegmentMembership membership, SegmentLinks links,
            CourseRepository courses, SmartEnrolmentFacade smartEnrolment, Clock clock) {
        this.segments = segments;
        this.membership = membership;
        this.links = links;
        this.courses = courses;
        this.smartEnrolment = smartEnrolment;
        this.clock = clock;
    }

    /** Creates the segment and fills it with everyone who matches now. */
    @Transactional
    public Segment create(String name, Map<String, ? extends Set<String>> rule) {
        membership.lockForSegmentChange();
        if (segments.findByName(name).isPresent()) {
            throw new ConflictException("name", "a segment with this name exists already");
        }
        rule.forEach(this::checkField);
        Segment segment = segments.saveAndFlush(new Segment(name, rule, clock.instant()));
        membership.fill(segment.getId());
        return segment;
    }

    /**
     * Renames the segment and replaces its rule. Who joins or leaves with the new rule is
     * enrolled or unenrolled after the commit, in chunks, as a profile change would do for them.
     */
    @Transactional
    public Segment update(long id, String name, Map<String, ? extends Set<String>> rule, String actor) {
        membership.lockForSegmentChange(); // before the segment's row: the order a deletion takes
        Segment segment = get(id);
        if (segments.findByName(name).filter(other -> !other.getId().equals(id)).isPresent()) {
            throw new ConflictException("name", "a segment with this name exists already");
        }
        Set<String> named = segment.getRule().keySet();
        // a field the rule names already stays valid even when nobody holds it any more
        rule.forEach((field, values) -> {
            if (!named.contains(field)) {
                checkField(field, values);
            } else {
                checkValues(field, values);
            }
        });
        segment.change(name, rule);
        if (membership.refill(id) > 0 && !links.coursesOf(id).isEmpty()) {
            smartEnrolment.segmentRuleChanged(id, actor);
        }
        return segment;
    }

    /**
     * Deletes the segment as if every course were unlinked first: whom it enrolled is unenrolled
     * after the commit, in chunks, unless another source keeps them, and their completions archived.
     */
    @Transactional
    public void delete(long id, String actor) {
        membership.lockForSegmentChange(); // before the segment's row: the order a rule change takes
        Segment segment = get(id);
        // the segment before its links, the order a run bringing its people in line takes
        membership.lockSegment(id);
        for (LinkedCourse course : links.coursesOf(id)) {
            links.unlink(id, course.courseId());
            smartEnrolment.courseUnlinked(id, course.courseId(), actor);
        }
        segments.delete(segment);
        segments.flush();
    }

    @Transactional(readOnly = true)
    public Segment get(long id) {
        return segments.findById(id).orElseThrow(() -> new NotFoundException("Segment", id));
    }

    @Transactional(readOnly = true)
    public List<Segment> all() {
        return segments.findAll(Sort.by("name"));
    }

    /** How many people each segment holds, by segment id; an empty segment is absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> memberCounts() {
        return membership.counts();
    }

    @Transactional(readOnly = true)
    public long memberCount(long segmentId) {
        return membership.count(segmentId);
    }

    @Transactional(readOnly = true)
    public List<LinkedCourse> coursesOf(long segmentId) {
        return links.coursesOf(segmentId);
    }

    /**
     * Links a course for smart enrolment. Seed 002: only a course enrolled "by assignment only"
     * may be; a self-enrolment course is refused. The members are enrolled after the commit, in chunks.
     */
    @Transactional
    public void link(long segmentId, long courseId, String actor) {
        get(segmentId);
        Course course = courses.findById(courseId)
                .orElseThrow(() -> new InvalidInputException("courseId", "unknown course " + courseId));
        if (course.getEnrolmentMethod() != EnrolmentMethod.ASSIGNMENT_ONLY) {
            throw new ConflictException("courseId", "only a course whose enrolment method is ASSIGNMENT_ONLY can be "
                    + "linked to a segment; " + course.getCode() + " is " + course.getEnrolmentMethod());
        }
        if (links.exists(segmentId, courseId)) {
            throw new ConflictException("courseId", "the course is linked to this segment already");
        }
        links.link(segmentId, courseId, actor);
        smartEnrolment.courseLinked(segmentId, courseId, actor);
    }

    /** Unlinks a course; everyone the link enrolled is unenrolled after the commit, in chunks, completions archived. */
    @Transactional
    public void unlink(long segmentId, long courseId, String actor) {
        get(segmentId);
        if (!links.unlink(segmentId, courseId)) {
            throw new NotFoundException("Link of course " + courseId + " to segment", segmentId);
        }
        smartEnrolment.courseUnlinked(segmentId, courseId, actor);
    }

    private void checkField(String field, Set<String> values) {
        checkValues(field, values);
        if (!SegmentMembership.STANDARD_FIELDS.containsKey(field) && !membership.customFieldInUse(field)) {
            throw new InvalidInputException("rule." + field, "no such profile field: not one of "
                    + SegmentMembership.STANDARD_FIELDS.keySet() + " and no person has a custom field of this name");
        }
    }

    private void checkValues(String field, Set<String> values) {
        if (field.equals("employmentType")) {
            Set<String> allowed = Arrays.stream(EmploymentType.values()).map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet());
            values.stream().filter(v -> !allowed.contains(v)).findFirst().ifPresent(v -> {
                throw new InvalidInputException("rule." + field, "'" + v + "' is not an employment type " + allowed);
            });
        }
    }
}
