package io.muster.segment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.muster.enrolment.Enrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentSource;
import io.muster.people.PersonLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Smart enrolment: a segment's members are enrolled on its linked courses with the source
 * {@code SEGMENT:<id>}. The enrolment core keeps one enrolment per person and course with all its
 * sources, so a course from two segments stays while one remains, manual enrolments are never
 * touched, and losing the last source unenrols with the progress kept.
 *
 * <p>Every step is convergent (it brings enrolments in line with segments and links as they are
 * now), so a retried or late step does no harm.
 */
@Service
class SmartEnrolments {

    /** What one chunk did: the last person id it handled, how many enrolments it changed, whether more may follow. */
    record Chunk(long lastPersonId, int changed, boolean more) {
    }

    /** What one chunk of a changed rule did: the chunk with the enrolments started or resumed, and how many ended. */
    record Alignment(Chunk chunk, int unenrolled) {
    }

    private final SegmentLinks links;
    private final SegmentMembership membership;
    private final EnrolmentService enrolments;
    private final PersonLock personLock;
    private final int chunkSize;

    SmartEnrolments(SegmentLinks links, SegmentMembership membership, EnrolmentService enrolments,
            PersonLock personLock, SmartEnrolmentSettings settings) {
        this.links = links;
        this.membership = membership;
        this.enrolments = enrolments;
        this.personLock = personLock;
        this.chunkSize = settings.chunkSize();
    }

    /** Enrols the person on every course linked to a segment they are in; answers how many enrolments started or resumed. */
    @Transactional
    public int enrolPerson(long personId, String actor) {
        holdPerson(personId);
        int changed = 0;
        for (SegmentLinks.Link link : links.lockLinksOfMember(personId)) {
            changed += enrolments.enrolAll(link.courseId(), List.of(personId),
                    EnrolmentSource.segment(link.segmentId()), actor);
        }
        return changed;
    }

    /**
     * Takes away every segment source the person's segments and links no longer give; answers
     * how many enrolments ended (those with no other source left). A source whose link is gone
     * is left to the unlink's run, which archives the completion when the enrolment ends; taken
     * here, a profile change during that run would end the enrolment with its completion kept.
     */
    @Transactional
    public int unenrolPerson(long personId, String actor) {
        holdPerson(personId);
        Set<String> given = new HashSet<>();
        for (SegmentLinks.Link link : links.lockLinksOfMember(personId)) {
            given.add(link.courseId() + " " + EnrolmentSource.segment(link.segmentId()).value());
        }
        int ended = 0;
        for (Enrolment enrolment : enrolments.enrolmentsOf(personId)) {
            for (String source : enrolment.getSources()) {
                EnrolmentSource parsed = new EnrolmentSource(source);
                if (parsed.kind() == EnrolmentSource.Kind.SEGMENT
                        && !given.contains(enrolment.getCourseId() + " " + source)
                        && links.exists(parsed.segmentId(), enrolment.getCourseId())
                        && enrolments.removeSource(personId, enrolment.getCourseId(), parsed, actor)) {
                    ended++;
                }
            }
        }
        return ended;
    }

    /**
     * A person's run holds off segment changes, then the person's row: the order a profile change
     * takes, so a rule change waits for the run and its own run sees what this one did.
     */
    private void holdPerson(long personId) {
        membership.lockForPersonChange();
        personLock.hold(personId);
    }

    /**
     * Enrols the next chunk of the segment's members; nothing when the course was unlinked
     * meanwhile. The members are locked before the link, the order a person's own run takes
     * (person, then the links of their segments), so the two wait for each other instead of
     * deadlocking when someone joins while their segment's course is being linked. Like a
     * person's run, a chunk holds off segment changes until it commits: the members it read stay
     * members, or the rule change's run sees whom it enrolled.
     */
    @Transactional
    public Chunk enrolMembers(long segmentId, long courseId, long afterPersonId, String actor) {
        membership.lockForPersonChange();
        List<Long> people = membership.lockMembersAfter(segmentId, afterPersonId, chunkSize);
        if (!links.lockIfLinked(segmentId, courseId)) {
            return new Chunk(afterPersonId, 0, false);
        }
        int changed = enrolments.enrolAll(courseId, people, EnrolmentSource.segment(segmentId), actor);
        return new Chunk(people.isEmpty() ? afterPersonId : people.get(people.size() - 1), changed,
                people.size() == chunkSize);
    }

    /**
     * Unenrols the next chunk of the people the link enrolled, archiving the completions of
     * those whose enrolment ends; nothing when the course was linked again meanwhile (the new
     * link's run owns those enrolments).
     */
    @Transactional
    public Chunk unenrolUnlinked(long segmentId, long courseId, long afterPersonId, String actor) {
        if (links.lockIfLinked(segmentId, courseId)) {
            return new Chunk(afterPersonId, 0, false);
        }
        EnrolmentSource source = EnrolmentSource.segment(segmentId);
        List<Long> people = enrolments.enrolledBy(courseId, source, afterPersonId, chunkSize);
        int ended = enrolments.unlink(courseId, source, people, actor);
        return new Chunk(people.isEmpty() ? afterPersonId : people.get(people.size() - 1), ended,
                people.size() == chunkSize);
    }

    /**
     * Brings the next chunk of people whose enrolments no longer follow the segment (members not
     * enrolled on a linked course by it, non-members still enrolled by it) in line, as their own
     * profile changes would for this segment, a few statements per linked course for the whole
     * chunk: members are enrolled, the others lose the segment's source (progress kept). Nothing
     * once the segment is deleted (its unlinks own those enrolments then). The people are locked
     * in id order before the links, the order a profile change takes, so the two cannot deadlock.
     */
    @Transactional
    public Alignment alignPeople(long segmentId, long afterPersonId, String actor) {
        if (!membership.lockSegment(segmentId)) {
            return new Alignment(new Chunk(afterPersonId, 0, false), 0);
        }
        EnrolmentSource source = EnrolmentSource.segment(segmentId);
        List<Long> people = membership.outOfLine(segmentId, source.value(), afterPersonId, chunkSize);
        personLock.holdAll(people);
        Set<Long> members = membership.membersAmong(segmentId, people);
        List<Long> joined = people.stream().filter(members::contains).toList();
        List<Long> left = people.stream().filter(id -> !members.contains(id)).toList();
        int enrolled = 0;
        int unenrolled = 0;
        for (long courseId : links.lockCoursesOf(segmentId)) {
            enrolled += enrolments.enrolAll(courseId, joined, source, actor);
            unenrolled += enrolments.removeSource(courseId, source, left);
        }
        return new Alignment(new Chunk(people.isEmpty() ? afterPersonId : people.get(people.size() - 1), enrolled,
                people.size() == chunkSize), unenrolled);
    }
}
