package io.muster.people;

import java.util.Collection;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds people's rows until the transaction ends, so work on one person (their bookings, their
 * smart enrolments) takes turns across nodes. Several are taken in id order, the one order every
 * holder uses.
 */
@Component
public class PersonLock {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    PersonLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public void hold(long personId) {
        jdbc.queryForList("select id from person where id = ? for update", Long.class, personId);
    }

    public void holdAll(Collection<Long> personIds) {
        if (!personIds.isEmpty()) {
            named.queryForList("select id from person where id in (:ids) order by id for update",
                    Map.of("ids", personIds), Long.class);
        }
    }
}
