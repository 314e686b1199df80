package io.muster.common;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database Muster runs on, asked once at start. A few statements exist on PostgreSQL only
 * (planner settings, {@code analyze}, {@code for share}); the embedded H2 does without them.
 */
@Component
public class Database {

    private final boolean postgres;

    Database(DataSource dataSource) {
        this.postgres = "PostgreSQL".equals(new JdbcTemplate(dataSource).execute(
                (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    public boolean postgres() {
        return postgres;
    }
}
