package io.muster.course;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal switch "allow enrolment in multiple sessions", kept in the database so an admin
 * changes it at runtime on every node at once; until an admin sets it, the configured default
 * ({@code MUSTER_MULTIPLE_SESSION_ENROLMENT}) applies.
 */
@Service
class MultipleSessionSetting {

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean configuredDefault;

    MultipleSessionSetting(NamedParameterJdbcTemplate jdbc, CourseDefaults defaults) {
        this.jdbc = jdbc;
        this.configuredDefault = defaults.multipleSessionEnrolment();
    }

    @Transactional(readOnly = true)
    boolean enabled() {
        List<Boolean> stored = jdbc.queryForList(
                "select multiple_session_enrolment from portal_setting where id = 1", Map.of(), Boolean.class);
        return stored.isEmpty() || stored.get(0) == null ? configuredDefault : stored.get(0);
    }

    boolean configuredDefault() {
        return configuredDefault;
    }

    @Transactional
    void set(boolean enabled) {
        jdbc.update("update portal_setting set multiple_session_enrolment = :enabled where id = 1",
                Map.of("enabled", enabled));
    }
}
