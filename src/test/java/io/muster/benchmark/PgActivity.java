package io.muster.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * Samples what the database sessions of the application and the clients are doing while a
 * phase runs (from pg_stat_activity, on a connection of its own): running a statement, waiting
 * for a lock another transaction holds, or idle inside an open transaction while the client
 * works. Tells a CPU-bound phase from one that queues on a row lock.
 */
final class PgActivity implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 50;

    private final Thread sampler;
    private final Map<String, Long> counts = new TreeMap<>();
    private volatile boolean running = true;
    private long samples;

    private PgActivity(String jdbcUrl) {
        sampler = new Thread(() -> sample(jdbcUrl), "pg-activity-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static PgActivity start(String jdbcUrl) {
        return new PgActivity(jdbcUrl);
    }

    private void sample(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement st = c.createStatement()) {
            while (running) {
                try (ResultSet rs = st.executeQuery("""
                        select case when state = 'active' and wait_event_type = 'Lock' then 'waiting for a lock'
                                    when state = 'active' then 'running'
                                    else 'idle in transaction' end, count(*)
                        from pg_stat_activity
                        where backend_type = 'client backend' and pid <> pg_backend_pid()
                          and datname = current_database() and state in ('active', 'idle in transaction')
                        group by 1""")) {
                    synchronized (counts) {
                        while (rs.next()) {
                            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                        }
                        samples++;
                    }
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (SQLException e) {
            synchronized (counts) {
                counts.put("sampling failed: " + e.getMessage(), 0L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Average number of sessions in each state, e.g. "running 1.3, waiting for a lock 4.2". */
    String summary() {
        synchronized (counts) {
            if (samples == 0) {
                return "no samples";
            }
            StringBuilder s = new StringBuilder();
            for (String state : new String[] {"running", "waiting for a lock", "idle in transaction"}) {
                s.append(s.isEmpty() ? "" : ", ").append(state).append(' ')
                        .append(String.format("%.1f", (double) counts.getOrDefault(state, 0L) / samples));
            }
            counts.keySet().stream().filter(k -> k.startsWith("sampling failed")).forEach(k -> s.append("; ").append(k));
            return s.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(5000);
    }
}
