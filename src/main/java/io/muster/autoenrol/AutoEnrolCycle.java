package io.muster.autoenrol;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentSource;
import io.muster.rules.Decisions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One course of an auto-enrol run, set-based: one statement reads the course's candidates
 * (people whose latest completion expires within the lead time, and, with the switch on, people
 * whose job role requires the course and who never completed it) into a work table,
 * auto-enrol-eligibility is evaluated once per distinct combination of inputs, and everyone it
 * enrols is enrolled straight from the work table in a few statements. The counts per reason are
 * written in the same transaction, so a retried course repeats nothing.
 */
@Service
class AutoEnrolCycle {

    static final String ACTOR = "auto-enrol";

    private final NamedParameterJdbcTemplate jdbc;
    private final AutoEnrolSettings settings;
    private final Decisions decisions;
    private final EnrolmentService enrolments;

    AutoEnrolCycle(NamedParameterJdbcTemplate jdbc, AutoEnrolSettings settings, Decisions decisions,
            EnrolmentService enrolments) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.decisions = decisions;
        this.enrolments = enrolments;
    }

    /** What a run decided for a course, for one reason. */
    record Count(long courseId, String reason, boolean enrol, int people) {
    }

    /**
     * Expiring: the person's latest record for the course expires before the horizon (or has
     * expired), that is every record of theirs expires by then (one without expiry never does).
     * One pass over the course's records, grouped per person, rather than each due record
     * checked against the person's later ones. Missing: the job role requires the course and
     * there is no record at all.
     */
    private static final String EXPIRING = """
            select r.person_id, p.employment_type, p.auto_enrol_opt_out, 'EXPIRING' as training,
                   (c.required or exists (select 1 from job_role_requirement j
                                          where j.job_role = p.job_role and j.course_id = c.id)) as required,
                   coalesce(e.status, 'NONE') as enrolment_status
            from (select person_id from training_record
                  where course_id = :course
                  group by person_id
                  having max(expires_at) <= :horizon and count(expires_at) = count(*)) r
            join person p on p.id = r.person_id %s
            join course c on c.id = :course
            left join enrolment e on e.person_id = r.person_id and e.course_id = :course""";

    private static final String MISSING = """
            select p.id as person_id, p.employment_type, p.auto_enrol_opt_out, 'MISSING' as training,
                   true as required, coalesce(e.status, 'NONE') as enrolment_status
            from job_role_requirement j
            join person p on p.job_role = j.job_role
            left join enrolment e on e.person_id = p.id and e.course_id = j.course_id
            where j.course_id = :course %s
              and not exists (select 1 from training_record r where r.person_id = p.id and r.course_id = j.course_id)""";

    /** Whom a course is run for: everyone, one person, or the holders of one job role. */
    record Scope(Long personId, String jobRole) {
        static final Scope EVERYONE = new Scope(null, null);

        String sql() {
            return personId != null ? "and p.id = :person" : jobRole != null ? "and p.job_role = :role" : "";
        }
    }

    /** Whom the run enrols: the candidates whose inputs the table answered with enrol. */
    private static final String ENROL = """
            select c.person_id from auto_enrol_candidate c
            join auto_enrol_decision d on d.batch_id = c.batch_id and d.employment_type = c.employment_type
                 and d.opted_out = c.opted_out and d.training = c.training and d.required = c.required
                 and d.enrolment_status = c.enrolment_status
            where c.batch_id = :batch and d.enrol = true""";

    /**
     * Runs one course for a run, or, without a run id, for people whose job role just changed.
     * The candidates are read once, into the work table with the table's inputs; the table is
     * evaluated once per distinct input and its answers written beside them; the enrolments are
     * made from the candidates joined to the answers that enrol, without their ids passing
     * through here. The work rows go before the transaction ends.
     *
     * @return the counts per reason, also stored under the run id when there is one
     */
    @Transactional
    List<Count> enrolCourse(String runId, AutoEnrolSettings.CourseSettings course, Instant now, Scope scope) {
        boolean missingTraining = settings.missingTraining();
        String batch = UUID.randomUUID().toString();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("batch", batch)
                .addValue("course", course.courseId())
                .addValue("horizon", OffsetDateTime.ofInstant(now.plus(Duration.ofDays(course.leadDays())), ZoneOffset.UTC))
                .addValue("person", scope.personId())
                .addValue("role", scope.jobRole());
        jdbc.update("""
                insert into auto_enrol_candidate (batch_id, person_id, employment_type, opted_out, training, required,
                                                  enrolment_status)
                select :batch, person_id, employment_type, auto_enrol_opt_out, training, required, enrolment_status
                from (""" + String.format(EXPIRING, scope.sql())
                + (missingTraining ? "\nunion all\n" + String.format(MISSING, scope.sql()) : "") + ") candidate", p);

        Decisions.AutoEnrolCheck check = decisions.autoEnrolCheck();
        Map<String, Count> counts = new HashMap<>();
        List<MapSqlParameterSource> answers = new ArrayList<>();
        jdbc.query("""
                select employment_type, opted_out, training, required, enrolment_status, count(*)
                from auto_enrol_candidate where batch_id = :batch
                group by employment_type, opted_out, training, required, enrolment_status""", p, rs -> {
            Decisions.AutoEnrolInput input = new Decisions.AutoEnrolInput(rs.getString(1), course.includeSubcontractors(),
                    rs.getBoolean(4), course.includeOptional(), rs.getString(3), missingTraining, rs.getBoolean(2),
                    rs.getString(5));
            Decisions.AutoEnrol decision = check.of(input);
            counts.merge(decision.reason(), new Count(course.courseId(), decision.reason(), decision.enrol(), rs.getInt(6)),
                    (a, b) -> new Count(a.courseId(), a.reason(), a.enrol(), a.people() + b.people()));
            answers.add(new MapSqlParameterSource().addValue("batch", batch)
                    .addValue("employmentType", input.employmentType()).addValue("optedOut", input.optedOut())
                    .addValue("training", input.training()).addValue("required", input.required())
                    .addValue("status", input.enrolmentStatus()).addValue("enrol", decision.enrol())
                    .addValue("reason", decision.reason()));
        });
        jdbc.batchUpdate("""
                insert into auto_enrol_decision (batch_id, employment_type, opted_out, training, required,
                                                 enrolment_status, enrol, reason)
                values (:batch, :employmentType, :optedOut, :training, :required, :status, :enrol, :reason)""",
                answers.toArray(MapSqlParameterSource[]::new));
        if (answers.stream().anyMatch(a -> Boolean.TRUE.equals(a.getValue("enrol")))) {
            enrolments.enrolSelected(course.courseId(), ENROL, Map.of("batch", batch), EnrolmentSource.AUTO, ACTOR);
        }
        jdbc.update("delete from auto_enrol_decision where batch_id = :batch", p);
        jdbc.update("delete from auto_enrol_candidate where batch_id = :batch", p);
        List<Count> result = List.copyOf(counts.values());
        if (runId != null) {
            store(runId, course.courseId(), result);
        }
        return result;
    }

    private void store(String runId, long courseId, List<Count> counts) {
        jdbc.update("delete from auto_enrol_run_count where run_id = :run and course_id = :course",
                Map.of("run", runId, "course", courseId));
        jdbc.batchUpdate("""
                insert into auto_enrol_run_count (run_id, course_id, reason, enrol, people)
                values (:run, :course, :reason, :enrol, :people)""",
                counts.stream().map(c -> new MapSqlParameterSource().addValue("run", runId)
                        .addValue("course", c.courseId()).addValue("reason", c.reason())
                        .addValue("enrol", c.enrol()).addValue("people", c.people()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    @Transactional(readOnly = true)
    List<Count> report(String runId) {
        return jdbc.query("""
                select course_id, reason, enrol, people from auto_enrol_run_count
                where run_id = :run order by course_id, enrol desc, reason""", Map.of("run", runId),
                (rs, i) -> new Count(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)));
    }
}
