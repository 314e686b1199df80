package io.muster.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** A digest of every row of Muster's own tables: equal before and after a refused request when it changed nothing. */
public final class RowDigest {

    public static final List<String> TABLES = List.of("registration", "training_session", "course", "person",
            "enrolment", "enrolment_key", "segment", "pathway", "course_item", "training_record", "portal_setting",
            "auto_enrol_setting", "job_role_requirement", "rule_deployment");

    private RowDigest() {
    }

    public static String of(JdbcTemplate jdbc) {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(jdbc.queryForObject("select md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), ''))"
                    + " from " + table + " t", String.class));
        }
        return all.toString();
    }
}
