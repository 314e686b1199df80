package io.muster.autoenrol;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.muster.common.InvalidInputException;
import io.muster.course.CourseService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-course auto-enrol settings, the global "missing training" switch and job role requirements. */
@Service
public class AutoEnrolSettings {

    static final int DEFAULT_LEAD_DAYS = 30;

    private final NamedParameterJdbcTemplate jdbc;
    private final CourseService courses;

    AutoEnrolSettings(NamedParameterJdbcTemplate jdbc, CourseService courses) {
        this.jdbc = jdbc;
        this.courses = courses;
    }

    public record CourseSettings(long courseId, boolean enabled, int leadDays, boolean includeSubcontractors,
            boolean includeOptional) {
    }

    @Transactional(readOnly = true)
    public CourseSettings course(long courseId) {
        courses.get(courseId);
        List<CourseSettings> found = jdbc.query("""
                select course_id, enabled, lead_days, include_subcontractors, include_optional
                from course_auto_enrol where course_id = :course""", Map.of("course", courseId),
                (rs, i) -> new CourseSettings(rs.getLong(1), rs.getBoolean(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getBoolean(5)));
        return found.isEmpty() ? new CourseSettings(courseId, false, DEFAULT_LEAD_DAYS, false, false) : found.get(0);
    }

    @Transactional
    public CourseSettings saveCourse(CourseSettings settings) {
        courses.get(settings.courseId());
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("course", settings.courseId())
                .addValue("enabled", settings.enabled())
                .addValue("leadDays", settings.leadDays())
                .addValue("subcontractors", settings.includeSubcontractors())
                .addValue("optional", settings.includeOptional());
        int updated = jdbc.update("""
                update course_auto_enrol set enabled = :enabled, lead_days = :leadDays,
                       include_subcontractors = :subcontractors, include_optional = :optional
                where course_id = :course""", p);
        if (updated == 0) {
            jdbc.update("""
                    insert into course_auto_enrol (course_id, enabled, lead_days, include_subcontractors, include_optional)
                    values (:course, :enabled, :leadDays, :subcontractors, :optional)""", p);
        }
        return settings;
    }

    /** The courses the cycle runs over, in a stable order. */
    @Transactional(readOnly = true)
    List<CourseSettings> enabledCourses() {
        return jdbc.query("""
                select course_id, enabled, lead_days, include_subcontractors, include_optional
                from course_auto_enrol where enabled order by course_id""", Map.of(),
                (rs, i) -> new CourseSettings(rs.getLong(1), rs.getBoolean(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getBoolean(5)));
    }

    @Transactional(readOnly = true)
    boolean missingTraining() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select missing_training from auto_enrol_setting where id = 1",
                Map.of(), Boolean.class));
    }

    @Transactional
    void setMissingTraining(boolean enabled) {
        jdbc.update("update auto_enrol_setting set missing_training = :enabled where id = 1", Map.of("enabled", enabled));
    }

    @Transactional(readOnly = true)
    Set<Long> requirements(String jobRole) {
        return new TreeSet<>(jdbc.queryForList("select course_id from job_role_requirement where job_role = :role",
                Map.of("role", jobRole), Long.class));
    }

    /** Replaces the courses a job role requires; every course must exist, or nothing changes. */
    @Transactional
    Set<Long> setRequirements(String jobRole, Set<Long> courseIds) {
        for (Long courseId : courseIds) {
            if (courseId == null || !courses.exists(courseId)) {
                throw new InvalidInputException("courseIds", "no course " + courseId);
            }
        }
        jdbc.update("delete from job_role_requirement where job_role = :role", Map.of("role", jobRole));
        jdbc.batchUpdate("insert into job_role_requirement (job_role, course_id) values (:role, :course)",
                courseIds.stream().map(id -> new MapSqlParameterSource().addValue("role", jobRole).addValue("course", id))
                        .toArray(MapSqlParameterSource[]::new));
        return new TreeSet<>(courseIds);
    }

    /** The courses with auto-enrol on that the person's job role requires. */
    @Transactional(readOnly = true)
    List<CourseSettings> requiredAutoEnrolCourses(long personId) {
        return jdbc.query("""
                select a.course_id, a.enabled, a.lead_days, a.include_subcontractors, a.include_optional
                from person p join job_role_requirement j on j.job_role = p.job_role
                join course_auto_enrol a on a.course_id = j.course_id and a.enabled
                where p.id = :person order by a.course_id""", Map.of("person", personId),
                (rs, i) -> new CourseSettings(rs.getLong(1), rs.getBoolean(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getBoolean(5)));
    }
}
