package io.muster.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.muster.common.Organisation;
import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.course.Course;
import io.muster.course.CourseKind;
import io.muster.course.CourseService;
import io.muster.training.TrainingRecords;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolments per person and course, whoever makes them (admins, segments, the auto-enrol cycle,
 * enrolment keys). Enrolling is idempotent and set-based: one call enrols any number of people
 * with a handful of statements (per chunk of ids, or once for the people a query selects), not
 * one transaction per person. The unique (person, course) constraint backs every rule here.
 */
@Service
public class EnrolmentService {

    private static final int CHUNK = 1000;
    private static final String ACTIVE = "('ENROLLED', 'IN_PROGRESS', 'COMPLETED', 'FAILED')";

    private final EnrolmentRepository enrolments;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final TrainingRecords trainingRecords;
    private final CourseService courses;

    EnrolmentService(EnrolmentRepository enrolments, NamedParameterJdbcTemplate jdbc, Clock clock,
            Organisation organisation, TrainingRecords trainingRecords, CourseService courses) {
        this.trainingRecords = trainingRecords;
        this.courses = courses;
        this.enrolments = enrolments;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = organisation.zone();
    }

    /** A person's enrolment on a course that has not ended. */
    public record LiveEnrolment(long personId, long courseId) {
    }

    /** The enrolments on the courses that have not ended (cancelled or unenrolled), read at once. */
    @Transactional(readOnly = true)
    public java.util.Set<LiveEnrolment> liveOn(Collection<Long> courseIds) {
        java.util.Set<LiveEnrolment> live = new java.util.HashSet<>();
        if (courseIds.isEmpty()) {
            return live;
        }
        jdbc.query("select person_id, course_id, status from enrolment where course_id in (:courses)",
                Map.of("courses", courseIds), rs -> {
                    if (!EnrolmentStatus.valueOf(rs.getString(3)).isEnded()) {
                        live.add(new LiveEnrolment(rs.getLong(1), rs.getLong(2)));
                    }
                });
        return live;
    }

    public record ArchivedCompletion(long enrolmentId, long courseId, Instant completedAt, Instant archivedAt,
            String reason) {
    }

    /**
     * Enrols one person (see {@link #enrolAll}) and answers the enrolment as it is now.
     */
    @Transactional
    public Enrolment enrol(long personId, long courseId, EnrolmentSource source, String actor) {
        enrolAll(courseId, List.of(personId), source, actor);
        return enrolments.findByPersonIdAndCourseId(personId, courseId).orElseThrow();
    }

    /**
     * Enrols people on a course for a source, in set-based statements per chunk of 1,000:
     * <ul>
     * <li>no enrolment yet: a new one (ENROLLED);</li>
     * <li>ended (UNENROLLED, CANCELLED): resumed where it was left (progress, completion);</li>
     * <li>AUTO on a finished course (completed or failed): a new attempt, the old completion archived;</li>
     * <li>otherwise it stays as it is; the source is added in every case.</li>
     * </ul>
     * Every enrolment that starts or resumes here gets its enrolment mail queued once. Calling
     * it again changes nothing.
     *
     * @return how many enrolments started or resumed
     */
    @Transactional
    public int enrolAll(long courseId, Collection<Long> personIds, EnrolmentSource source, String actor) {
        List<Long> ids = List.copyOf(personIds);
        int changed = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            changed += enrol(courseId, ":ids", Map.of("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))),
                    source, actor);
        }
        return changed;
    }

    /**
     * {@link #enrolAll} for the people a query of the caller selects (one column of person ids,
     * each at most once), run inside each statement so that no id passes through the JVM: a
     * handful of statements however many people it enrols. The query must not read the course's
     * enrolments, which the statements change one after the other.
     *
     * @return how many enrolments started or resumed
     */
    @Transactional
    public int enrolSelected(long courseId, String peopleQuery, Map<String, ?> queryParams, EnrolmentSource source,
            String actor) {
        return enrol(courseId, peopleQuery, queryParams, source, actor);
    }

    /** The statements of one enrolment call; {@code people} selects the person ids (a list parameter or a query). */
    private int enrol(long courseId, String people, Map<String, ?> peopleParams, EnrolmentSource source, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        MapSqlParameterSource p = new MapSqlParameterSource(peopleParams)
                .addValue("course", courseId)
                .addValue("source", source.value())
                .addValue("method", source.kind().name())
                .addValue("label", label(source, now))
                .addValue("actor", actor)
                .addValue("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        int changed = 0;
        if (source.kind() == EnrolmentSource.Kind.AUTO) {
            changed += retake(people, p);
        }
        changed += jdbc.update("""
                update enrolment set status = case when completed_at is not null then 'COMPLETED'
                                                   when progress > 0 then 'IN_PROGRESS' else 'ENROLLED' end,
                       ended_at = null, method = :method, method_label = :label, enrolled_at = :now,
                       enrolled_by = :actor, updated_at = :now, version = version + 1
                where course_id = :course and person_id in (%s) and status in ('UNENROLLED', 'CANCELLED')"""
                .formatted(people), p);
        changed += jdbc.update("""
                insert into enrolment (person_id, course_id, status, method, method_label, enrolled_at,
                                       enrolled_by, progress, updated_at, version)
                select p.id, :course, 'ENROLLED', :method, :label, :now, :actor, 0, :now, 0
                from person p
                where p.id in (%s)
                  and not exists (select 1 from enrolment e where e.person_id = p.id and e.course_id = :course)"""
                .formatted(people), p);
        jdbc.update("""
                insert into enrolment_source (enrolment_id, source)
                select e.id, :source from enrolment e
                where e.course_id = :course and e.person_id in (%s)
                  and not exists (select 1 from enrolment_source s where s.enrolment_id = e.id and s.source = :source)"""
                .formatted(people), p);
        // what started or resumed in this call carries this call's instant
        jdbc.update("""
                insert into enrolment_mail (enrolment_id, event_key, created_at)
                select e.id, concat('enrolment:', e.id, ':', e.version), :now from enrolment e
                where e.course_id = :course and e.person_id in (%s) and e.enrolled_at = :now
                  and not exists (select 1 from enrolment_mail m
                                  where m.enrolment_id = e.id
                                    and m.event_key = concat('enrolment:', e.id, ':', e.version))"""
                .formatted(people), p);
        return changed;
    }

    /** AUTO re-enrols a finished course for a new attempt: the completion goes to the archive. */
    private int retake(String people, MapSqlParameterSource p) {
        jdbc.update("""
                insert into archived_completion (enrolment_id, person_id, course_id, completed_at, archived_at, reason)
                select id, person_id, course_id, completed_at, :now, 'Retaken: automatic re-enrolment'
                from enrolment
                where course_id = :course and person_id in (%s) and completed_at is not null""".formatted(people), p);
        return jdbc.update("""
                update enrolment set status = 'ENROLLED', progress = 0, completed_at = null, ended_at = null,
                       method = :method, method_label = :label, enrolled_at = :now, enrolled_by = :actor,
                       updated_at = :now, version = version + 1
                where course_id = :course and person_id in (%s)
                  and (completed_at is not null or status = 'FAILED')""".formatted(people), p);
    }

    /**
     * Takes one source away from a person's enrolment. The enrolment ends (UNENROLLED, progress
     * kept) only when no source remains.
     *
     * @return whether the enrolment ended
     */
    @Transactional
    public boolean removeSource(long personId, long courseId, EnrolmentSource source, String actor) {
        Optional<Enrolment> enrolment = enrolments.findByPersonIdAndCourseId(personId, courseId);
        if (enrolment.isEmpty() || !enrolment.get().hasSource(source)) {
            return false;
        }
        return enrolment.get().removeSource(source, clock.instant());
    }

    /**
     * Unlinks a source from a course for everyone at once (a course unlinked from a segment):
     * the source goes from every enrolment on the course; those left without a source are
     * unenrolled and their completions archived. Set-based, however many people it concerns.
     *
     * @return how many enrolments ended
     */
    @Transactional
    public int unlink(long courseId, EnrolmentSource source, String actor) {
        return unlink(courseId, source, null, actor);
    }

    /**
     * {@link #unlink(long, EnrolmentSource, String)} for the given people only: one chunk of an
     * unlinking too large for one transaction.
     */
    @Transactional
    public int unlink(long courseId, EnrolmentSource source, Collection<Long> personIds, String actor) {
        return takeSource(courseId, source, personIds, "Unlinked: " + source.value() + " by " + actor);
    }

    /**
     * Takes the source from the given people's enrolments on the course at once (they left the
     * segment): those left without a source end (UNENROLLED) with their progress and completion
     * kept, as {@link #removeSource(long, long, EnrolmentSource, String)} does for one person.
     *
     * @return how many enrolments ended
     */
    @Transactional
    public int removeSource(long courseId, EnrolmentSource source, Collection<Long> personIds) {
        return takeSource(courseId, source, personIds, null);
    }

    /**
     * The source goes from the enrolments on the course (of the given people, or everyone's);
     * those it leaves without a source end. With an archive reason, their completions go to the
     * archive and they start again from nothing when enrolled again.
     */
    private int takeSource(long courseId, EnrolmentSource source, Collection<Long> personIds, String archiveReason) {
        if (personIds != null && personIds.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("course", courseId)
                .addValue("source", source.value())
                .addValue("ids", personIds)
                .addValue("reason", archiveReason)
                .addValue("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        String people = personIds == null ? "" : " and e.person_id in (:ids)";
        String onlyThisSource = """
                e.course_id = :course
                and exists (select 1 from enrolment_source s where s.enrolment_id = e.id and s.source = :source)
                and not exists (select 1 from enrolment_source s where s.enrolment_id = e.id and s.source <> :source)"""
                + people;
        if (archiveReason != null) {
            jdbc.update("insert into archived_completion (enrolment_id, person_id, course_id, completed_at, archived_at,"
                    + " reason) select e.id, e.person_id, e.course_id, e.completed_at, :now, :reason from enrolment e"
                    + " where e.completed_at is not null and " + onlyThisSource, p);
        }
        String restart = archiveReason == null ? ""
                : " progress = case when e.completed_at is not null then 0 else e.progress end, completed_at = null,";
        int ended = jdbc.update("update enrolment e set status = 'UNENROLLED', ended_at = :now, updated_at = :now,"
                + restart + " version = e.version + 1"
                + " where e.status in " + ACTIVE + " and " + onlyThisSource, p);
        jdbc.update("delete from enrolment_source where source = :source"
                + " and enrolment_id in (select e.id from enrolment e where e.course_id = :course" + people + ")", p);
        return ended;
    }

    /** An admin cancels an enrolment: refused while the person is working on it. */
    @Transactional
    public Enrolment cancel(long enrolmentId, String actor) {
        Enrolment enrolment = get(enrolmentId);
        // seed 002: a smart enrolment is never ended by hand, in progress or not; say what ends it
        if (enrolment.hasSegmentSource()) {
            throw new ConflictException("the enrolment comes from a segment; change the segment or unlink the course");
        }
        if (enrolment.getStatus() == EnrolmentStatus.IN_PROGRESS) {
            throw new ConflictException("the course is in progress; an enrolment in progress cannot be cancelled");
        }
        if (enrolment.getStatus().isEnded()) {
            throw new ConflictException("the enrolment has ended already");
        }
        enrolment.cancel(clock.instant());
        return enrolment;
    }

    /** Progress reported for a person's course; 100 completes it, which for e-learning is a training record too. */
    @Transactional
    public Enrolment recordProgress(long personId, long courseId, int percent) {
        if (percent < 0 || percent > 100) {
            throw new InvalidInputException("progress", "must be between 0 and 100");
        }
        Enrolment enrolment = enrolments.findByPersonIdAndCourseId(personId, courseId)
                .filter(e -> !e.getStatus().isEnded())
                .orElseThrow(() -> new NotFoundException("Enrolment of person " + personId + " on course", courseId));
        boolean completes = percent == 100 && enrolment.getStatus() != EnrolmentStatus.COMPLETED;
        enrolment.recordProgress(percent, clock.instant());
        Course course = courses.get(courseId);
        // an instructor-led course is recorded by attendance already; an e-learning one only here
        if (completes && course.getKind() == CourseKind.ELEARNING) {
            trainingRecords.completedOnline(personId, courseId, enrolment.getCompletedAt(), course.getValidityMonths());
        }
        return enrolment;
    }

    /** An admin marks the course failed; whether the course allows failure is the caller's rule. */
    @Transactional
    public Enrolment fail(long personId, long courseId) {
        Enrolment enrolment = enrolments.findByPersonIdAndCourseId(personId, courseId)
                .filter(e -> !e.getStatus().isEnded())
                .orElseThrow(() -> new NotFoundException("Enrolment of person " + personId + " on course", courseId));
        if (enrolment.getStatus() == EnrolmentStatus.COMPLETED) {
            throw new ConflictException("the course is completed already");
        }
        enrolment.fail(clock.instant());
        return enrolment;
    }

    @Transactional(readOnly = true)
    public Enrolment get(long enrolmentId) {
        return enrolments.findById(enrolmentId).orElseThrow(() -> new NotFoundException("Enrolment", enrolmentId));
    }

    @Transactional(readOnly = true)
    public Optional<Enrolment> find(long personId, long courseId) {
        return enrolments.findByPersonIdAndCourseId(personId, courseId);
    }

    @Transactional(readOnly = true)
    public List<Enrolment> enrolmentsOf(long personId) {
        return enrolments.findByPersonIdOrderByEnrolledAtDesc(personId);
    }

    /** Every enrolment on the course that has not ended (completed and failed ones included). */
    @Transactional(readOnly = true)
    public List<Enrolment> liveIn(long courseId) {
        return enrolments.findByCourseId(courseId).stream().filter(e -> !e.getStatus().isEnded()).toList();
    }

    /** The people whose enrolment on the course holds this source. */
    @Transactional(readOnly = true)
    public List<Long> enrolledBy(long courseId, EnrolmentSource source) {
        return jdbc.queryForList("""
                select e.person_id from enrolment e join enrolment_source s on s.enrolment_id = e.id
                where e.course_id = :course and s.source = :source order by e.person_id""",
                Map.of("course", courseId, "source", source.value()), Long.class);
    }

    /** The next people in id order, after the given one, whose enrolment on the course holds this source. */
    @Transactional(readOnly = true)
    public List<Long> enrolledBy(long courseId, EnrolmentSource source, long afterPersonId, int limit) {
        return jdbc.queryForList("""
                select e.person_id from enrolment e join enrolment_source s on s.enrolment_id = e.id
                where e.course_id = :course and s.source = :source and e.person_id > :after
                order by e.person_id fetch first :limit rows only""",
                Map.of("course", courseId, "source", source.value(), "after", afterPersonId, "limit", limit), Long.class);
    }

    @Transactional(readOnly = true)
    public List<ArchivedCompletion> archivedCompletionsOf(long personId) {
        return jdbc.query("""
                select enrolment_id, course_id, completed_at, archived_at, reason from archived_completion
                where person_id = :person order by archived_at, id""", Map.of("person", personId),
                (rs, i) -> new ArchivedCompletion(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)));
    }

    private String label(EnrolmentSource source, Instant now) {
        return source.kind().label() + ", " + now.atZone(zone).toLocalDate();
    }
}
