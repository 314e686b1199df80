package io.muster.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.rulechange.RuleTables;
import io.muster.rules.Decisions;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Previewing a changed table against a large organisation: 10,000 persons (four departments, 20
 * job roles, three locations, 10 % sub-contractors, built with generate_series) and 500 upcoming
 * sessions with varied audiences (department, job role and location lists) and courses (self
 * enrolment and assignment only, some needing approval), so 5,000,000 person-and-session pairs.
 * Each of session-visibility and registration-eligibility is previewed with a change that moves
 * a large share of them, timed from the request to the answer, three times (the first warms up).
 *
 * <p>Not part of {@code ./mvnw verify}: {@code ./mvnw -Pbenchmark verify -Dit.test=RulePreviewBenchmark}.
 * Sizes: {@code -Dbench.persons} (10000), {@code -Dbench.upcoming} (500). It asserts nothing about
 * time; the report is printed and written to target/rule-preview-benchmark-report.txt.
 */
@IntegrationTest
@TestPropertySource(properties = "logging.level.com.icegreen.greenmail=warn")
class RulePreviewBenchmark {

    private static final double TARGET_SECONDS = 30;

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;

    private final int persons = Integer.getInteger("bench.persons", 10_000);
    private final int upcoming = Integer.getInteger("bench.upcoming", 500);
    private final String run = "rp" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    @Test
    void previewAtScale() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Muster rule preview benchmark, ").append(OffsetDateTime.now(ZoneOffset.UTC).toString(), 0, 19)
                .append(" UTC; PostgreSQL ").append(jdbc.queryForObject("show server_version", String.class))
                .append(" (embedded), JDK ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n");
        long t0 = System.nanoTime();
        build();
        long people = jdbc.queryForObject("select count(*) from person", Long.class);
        long sessions = jdbc.queryForObject(
                "select count(*) from training_session where status = 'SCHEDULED' and starts_at > now()", Long.class);
        report.append(String.format("setup (not timed): %,d persons, %,d upcoming sessions in %.1f s%n", people,
                sessions, (System.nanoTime() - t0) / 1e9));
        // the calendar's snapshot of upcoming sessions is shared for its time to live: let it see the new ones
        Thread.sleep(3000);
        String analyst = api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of());

        // everyone sees the sessions of other departments; sub-contractors may no longer book at all
        String visibility = RuleTables.original(Decisions.SESSION_VISIBILITY).replaceFirst(
                "(?s)(<rule id=\"rule_other_departments\">.*?<outputEntry[^>]*>\\s*<text>)false", "$1true");
        String eligibility = RuleTables.withFirstRule(RuleTables.original(Decisions.REGISTRATION_ELIGIBILITY),
                "rule_no_subcontractors", new String[] {"", "", "", "", "", "\"SUBCONTRACTOR\""},
                new String[] {"\"REJECT\"", "null", "null", "\"Sub-contractors book through their agency\""});
        for (var table : java.util.List.of(Map.entry(Decisions.SESSION_VISIBILITY, visibility),
                Map.entry(Decisions.REGISTRATION_ELIGIBILITY, eligibility))) {
            report.append(table.getKey()).append(":\n");
            for (int i = 1; i <= 3; i++) {
                long s = System.nanoTime();
                JsonNode result = preview(analyst, table.getKey(), table.getValue());
                double seconds = (System.nanoTime() - s) / 1e9;
                report.append(String.format("  run %d: %.2f s request to answer (%.2f s evaluating); %,d pairs, %,d distinct"
                                + " inputs, %,d changes of outcome in %,d sessions; target < %.0f s: %s%n", i, seconds,
                        result.get("seconds").asDouble(), result.get("pairs").asLong(), result.get("distinctInputs").asInt(),
                        result.get("peopleChanged").asLong(), result.get("total").asInt(), TARGET_SECONDS,
                        seconds < TARGET_SECONDS ? "met" : "missed"));
            }
        }
        String text = report.toString();
        System.out.println("\n==================== RULE PREVIEW BENCHMARK ====================\n" + text
                + "================================================================\n");
        Path file = Path.of("target", "rule-preview-benchmark-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The persons, and the upcoming sessions of ten courses with varied audiences, in a few statements. */
    private void build() throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedServices.jdbcUrl(), "postgres", "postgres")) {
            BenchmarkPeople.insert(c, run, persons);
        }
        for (int i = 0; i < 10; i++) {
            long course = fixtures.course(i % 5 == 4 ? "ASSIGNMENT_ONLY" : "SELF");
            jdbc.update("""
                    insert into training_session (course_id, title, short_description, starts_at, ends_at, time_zone,
                        duration_minutes, type, location, capacity, seats_taken, waiting_list, approval_required, status,
                        created_at)
                    select ?, 'Preview benchmark session ' || g, 'One of many upcoming sessions',
                           now() + interval '7 days' + (g * 10 + ?) * interval '90 minutes',
                           now() + interval '7 days' + (g * 10 + ?) * interval '90 minutes' + interval '1 hour',
                           'Europe/London', 60, 'IN_PERSON', 'Room ' || (g % 20), 20, 0, true, g % 4 = 0, 'SCHEDULED', now()
                    from generate_series(1, ?) g""", course, i, i, upcoming / 10);
        }
        String sessions = "select id, row_number() over (order by id) as rn from training_session"
                + " where title like 'Preview benchmark session %'";
        // two of three sessions for one or two departments, one of five for a job role, one of seven for a location
        jdbc.update("insert into session_department (session_id, department) select id, ? || '-dept' || (rn % 4)"
                + " from (" + sessions + ") s where rn % 3 <> 0", run);
        jdbc.update("insert into session_department (session_id, department) select id, ? || '-dept' || ((rn + 1) % 4)"
                + " from (" + sessions + ") s where rn % 3 = 1", run);
        jdbc.update("insert into session_job_role (session_id, job_role) select id, ? || '-role' || (rn % 20)"
                + " from (" + sessions + ") s where rn % 5 = 0", run);
        jdbc.update("insert into session_location (session_id, location) select id, (array['London', 'Leeds', 'York'])"
                + "[1 + rn % 3] from (" + sessions + ") s where rn % 7 = 0");
        jdbc.execute("analyze");
    }

    private JsonNode preview(String analyst, String key, String table) {
        Api.Response answer = RuleTables.upload(rest, json, analyst, Api.passwordOf(analyst),
                "/api/rules/" + key + "/preview", table, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("Preview refused: " + answer.text());
        }
        return answer.body();
    }

}
