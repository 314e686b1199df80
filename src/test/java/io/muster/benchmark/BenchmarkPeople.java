package io.muster.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The persons a benchmark works on, made by one generate_series statement: usernames
 * {@code <run>-<n>}, four departments {@code <run>-dept0..3} and 20 job roles
 * {@code <run>-role0..19} spread evenly, three locations, 10 % sub-contractors, 2 % opted out of
 * auto-enrolment.
 */
final class BenchmarkPeople {

    private BenchmarkPeople() {
    }

    static void insert(Connection c, String run, int persons) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into person (username, name, email, time_zone, department, job_role, location,
                                    employment_type, auto_enrol_opt_out, created_at)
                select ? || '-' || g, 'Person ' || g, ? || '-' || g || '@example.org', 'Europe/London',
                       ? || '-dept' || (g % 4), ? || '-role' || (g % 20), (array['London', 'Leeds', 'York'])[1 + g % 3],
                       case when g % 10 = 0 then 'SUBCONTRACTOR' else 'EMPLOYEE' end, g % 50 = 0, now()
                from generate_series(1, ?) g""")) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, run);
            }
            s.setInt(5, persons);
            s.executeUpdate();
        }
    }
}
