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

import io.muster.common.Database;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentSource;
import io.muster.rules.Decisions;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An auto-enrol run, set-based. Planning reads the candidates of every course of the run in one
 * pass (people whose latest completion expires within the course's lead time, and, with the
 * switch on, people whose job role requires the course and who never completed it) into a work
 * table, in the planning transaction. Each course's step then evaluates auto-enrol-eligibility
 * once per distinct combination of inputs among its candidates and enrols everyone it says to
 * straight from the work table in a few statements; its counts per reason are written and its
 * work rows deleted in the same transaction, so a retried step repeats nothing and loses nothing.
 */
@Service
class AutoEnrolCycle {

    static final String ACTOR = "auto-enrol";
    /** Memory for the planning pass's grouping (PostgreSQL's default of 4 MB spills at about 100,000 people). */
    private static final String PLAN_WORK_MEM = "128MB";

    private final NamedParameterJdbcTemplate jdbc;
    private final AutoEnrolSettings settings;
    private final Decisions decisions;
    private final EnrolmentService enrolments;
    private final boolean postgres;

    AutoEnrolCycle(NamedParameterJdbcTemplate jdbc, AutoEnrolSettings settings, Decisions decisions,
            EnrolmentService enrolments, Database database) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.decisions = decisions;
        this.enrolments = enrolments;
        this.postgres = database.postgres();
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
            select r.course_id, r.person_id, p.employment_type, p.auto_enrol_opt_out, 'EXPIRING' as training,
                   (c.required or exists (select 1 from job_role_requirement j
                                          where j.job_role = p.job_role and j.course_id = c.id)) as required,
                   coalesce(e.status, 'NONE') as enrolment_status
            from (select course_id, person_id from training_record
                  where course_id in (:courses)
                  group by course_id, person_id
                  having max(expires_at) <= %s and count(expires_at) = count(*)) r
            join person p on p.id = r.person_id %s
            join course c on c.id = r.course_id
            left join enrolment e on e.person_id = r.person_id and e.course_id = r.course_id""";

    private static final String MISSING = """
            select j.course_id, p.id as person_id, p.employment_type, p.auto_enrol_opt_out, 'MISSING' as training,
                   true as required, coalesce(e.status, 'NONE') as enrolment_status
            from job_role_requirement j
            join person p on p.job_role = j.job_role
            left join enrolment e on e.person_id = p.id and e.course_id = j.course_id
            where j.course_id in (:courses) %s
              and not exists (select 1 from training_record r where r.person_id = p.id and r.course_id = j.course_id)""";

    /** Whom a course is run for: everyone, one person, or the holders of one job role. */
    record Scope(Long personId, String jobRole) {
        static final Scope EVERYONE = new Scope(null, null);

        String sql() {
            return personId != null ? "and p.id = :person" : jobRole != null ? "and p.job_role = :role" : "";
        }
    }

    /** Whom a course's step enrols: its candidates whose inputs the table answered with enrol. */
    private static final String ENROL = """
            select c.person_id from auto_enrol_candidate c
            join auto_enrol_decision d on d.batch_id = :decisions and d.employment_type = c.employment_type
                 and d.opted_out = c.opted_out and d.training = c.training and d.required = c.required
                 and d.enrolment_status = c.enrolment_status
            where c.batch_id = :batch and c.course_id = :course and d.enrol = true""";

    /**
     * Plans a run: reads the candidates of all its courses in one pass into the work table, under
     * the run id, for the courses' steps to consume.
     *
     * <p>On PostgreSQL the pass groups every record of the run's courses, so it gets the memory to
     * do that without spilling to disk, joins whole sets, and the work table is analysed for the
     * steps' planning.
     *
     * @return how many candidates were read
     */
    @Transactional
    int plan(String runId, List<AutoEnrolSettings.CourseSettings> courses, Instant now) {
        if (courses.isEmpty()) {
            return 0;
        }
        if (postgres) {
            jdbc.getJdbcOperations().execute("set local work_mem = '" + PLAN_WORK_MEM + "'");
            // The grouped read's filter makes PostgreSQL expect a handful of candidates, and so
            // look each one's person up on its own; read whole, person is one pass.
            jdbc.getJdbcOperations().execute("set local enable_nestloop = off");
        }
        int read = readCandidates(runId, courses, now, Scope.EVERYONE, settings.missingTraining());
        if (postgres) {
            jdbc.getJdbcOperations().execute("analyze auto_enrol_candidate");
        }
        return read;
    }

    /**
     * Reads the courses' candidates within the scope into the work table under the batch id,
     * with the table's inputs: one statement whatever the number of courses, each course with the
     * horizon of its own lead time.
     */
    private int readCandidates(String batch, List<AutoEnrolSettings.CourseSettings> courses, Instant now,
            Scope scope, boolean missingTraining) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("batch", batch);
        return jdbc.update("""
                insert into auto_enrol_candidate (batch_id, course_id, person_id, employment_type, opted_out, training,
                                                  required, enrolment_status)
                select :batch, course_id, person_id, employment_type, auto_enrol_opt_out, training, required,
                       enrolment_status
                from """ + candidates(courses, now, scope, missingTraining, p), p);
    }

    /**
     * The candidates of the courses within the scope, with the table's inputs, as a subquery
     * named candidate: one statement whatever the number of courses, each course with the
     * horizon of its own lead time.
     */
    private static String candidates(List<AutoEnrolSettings.CourseSettings> courses, Instant now, Scope scope,
            boolean missingTraining, MapSqlParameterSource p) {
        p.addValue("courses", courses.stream().map(AutoEnrolSettings.CourseSettings::courseId).toList())
                .addValue("person", scope.personId())
                .addValue("role", scope.jobRole());
        StringBuilder horizon = new StringBuilder("case course_id");
        for (int i = 0; i < courses.size(); i++) {
            AutoEnrolSettings.CourseSettings course = courses.get(i);
            horizon.append(" when :course").append(i).append(" then :horizon").append(i);
            p.addValue("course" + i, course.courseId()).addValue("horizon" + i,
                    OffsetDateTime.ofInstant(now.plus(Duration.ofDays(course.leadDays())), ZoneOffset.UTC));
        }
        horizon.append(" end");
        return "(" + String.format(EXPIRING, horizon, scope.sql())
                + (missingTraining ? "\nunion all\n" + String.format(MISSING, scope.sql()) : "")
                + ") candidate";
    }

    /** auto-enrol-eligibility's inputs for one candidate of a course: the one mapping a run and a preview use. */
    private static Decisions.AutoEnrolInput input(AutoEnrolSettings.CourseSettings course, boolean missingTraining,
            String employmentType, boolean optedOut, String training, boolean required, String enrolmentStatus) {
        return new Decisions.AutoEnrolInput(employmentType, course.includeSubcontractors(), required,
                course.includeOptional(), training, missingTraining, optedOut, enrolmentStatus);
    }

    /** Whom a run started now would consider, per course, grouped by the table's inputs; nothing is written. */
    @Transactional(readOnly = true)
    Map<Long, Map<Decisions.AutoEnrolInput, List<String>>> candidatesNow(Instant now) {
        List<AutoEnrolSettings.CourseSettings> courses = settings.enabledCourses();
        Map<Long, Map<Decisions.AutoEnrolInput, List<String>>> byCourse = new java.util.LinkedHashMap<>();
        if (courses.isEmpty()) {
            return byCourse;
        }
        Map<Long, AutoEnrolSettings.CourseSettings> settingsOf = new HashMap<>();
        courses.forEach(c -> settingsOf.put(c.courseId(), c));
        boolean missingTraining = settings.missingTraining();
        MapSqlParameterSource p = new MapSqlParameterSource();
        jdbc.query("select candidate.course_id, person.username, candidate.employment_type, candidate.auto_enrol_opt_out,"
                + " candidate.training, candidate.required, candidate.enrolment_status from "
                + candidates(courses, now, Scope.EVERYONE, missingTraining, p)
                + " join person on person.id = candidate.person_id order by candidate.course_id, person.username", p, rs -> {
                    long courseId = rs.getLong(1);
                    Decisions.AutoEnrolInput input = input(settingsOf.get(courseId), missingTraining, rs.getString(3),
                            rs.getBoolean(4), rs.getString(5), rs.getBoolean(6), rs.getString(7));
                    byCourse.computeIfAbsent(courseId, c -> new HashMap<>())
                            .computeIfAbsent(input, i -> new ArrayList<>()).add(rs.getString(2));
                });
        return byCourse;
    }

    /**
     * Runs one course: for a planned run (a run id, everyone) from the candidates its planning
     * read, otherwise (people whose job role just changed) from candidates read here. The table is
     * evaluated once per distinct input and its answers written beside the candidates; the
     * enrolments are made from the candidates joined to the answers that enrol, without their ids
     * passing through here. The course's work rows go before the transaction ends.
     *
     * @return the counts per reason, also stored under the run id when there is one
     */
    @Transactional
    List<Count> enrolCourse(String runId, AutoEnrolSettings.CourseSettings course, Instant now, Scope scope) {
        boolean planned = runId != null && scope == Scope.EVERYONE;
        String batch = planned ? runId : UUID.randomUUID().toString();
        boolean missingTraining = settings.missingTraining();
        if (!planned) {
            readCandidates(batch, List.of(course), now, scope, missingTraining);
        } else if (postgres) {
            // Thousands of candidates are checked against the enrolment tables while this
            // transaction grows them. Statistics taken when those tables were small (a new
            // installation, the first run after a large import) make one look-up per candidate
            // look cheap, and each look-up then reads the whole table: quadratic. Joining the
            // sets whole (hash joins) costs one pass over each table, however wrong the statistics.
            jdbc.getJdbcOperations().execute("set local enable_nestloop = off");
        }
        String decisionBatch = UUID.randomUUID().toString();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("batch", batch)
                .addValue("decisions", decisionBatch)
                .addValue("course", course.courseId());
        Decisions.AutoEnrolCheck check = decisions.autoEnrolCheck();
        Map<String, Count> counts = new HashMap<>();
        List<MapSqlParameterSource> answers = new ArrayList<>();
        jdbc.query("""
                select employment_type, opted_out, training, required, enrolment_status, count(*)
                from auto_enrol_candidate where batch_id = :batch and course_id = :course
                group by employment_type, opted_out, training, required, enrolment_status""", p, rs -> {
            Decisions.AutoEnrolInput input = input(course, missingTraining, rs.getString(1), rs.getBoolean(2),
                    rs.getString(3), rs.getBoolean(4), rs.getString(5));
            Decisions.AutoEnrol decision = check.of(input);
            counts.merge(decision.reason(), new Count(course.courseId(), decision.reason(), decision.enrol(), rs.getInt(6)),
                    (a, b) -> new Count(a.courseId(), a.reason(), a.enrol(), a.people() + b.people()));
            answers.add(new MapSqlParameterSource().addValue("batch", decisionBatch)
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
            enrolments.enrolSelected(course.courseId(), ENROL,
                    Map.of("batch", batch, "decisions", decisionBatch, "course", course.courseId()),
                    EnrolmentSource.AUTO, ACTOR);
        }
        jdbc.update("delete from auto_enrol_decision where batch_id = :decisions", p);
        jdbc.update("delete from auto_enrol_candidate where batch_id = :batch and course_id = :course", p);
        List<Count> result = List.copyOf(counts.values());
        if (runId != null) {
            store(runId, course.courseId(), result);
        }
        return result;
    }

    /** Ends a run's use of the work table: rows of courses no step consumed (none, normally) go. */
    @Transactional
    void finish(String runId) {
        jdbc.update("delete from auto_enrol_candidate where batch_id = :batch", Map.of("batch", runId));
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
