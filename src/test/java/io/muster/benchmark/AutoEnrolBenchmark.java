package io.muster.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.benchmark.LoadRunner.Outcome;
import io.muster.benchmark.LoadRunner.Result;
import io.muster.enrolment.EnrolmentMails;
import io.muster.support.Api;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The nightly auto-enrol cycle at scale: 100,000 persons and 1,000,000 training records, built
 * with set-based SQL (generate_series) on the embedded PostgreSQL, then one cycle started through
 * the API and timed until its report is written, beside plain SQL statements selecting the
 * same due records on the same database (the latest record per person, and the cycle's grouped
 * formulation; the cycle is measured against the faster), and beside the least the run must write: its
 * enrolments with their sources and mails, by one bare statement. Then bookings through the API, idle and while a
 * second cycle runs (its enrolments cleared first, so it does the same work again).
 *
 * <p>Not part of {@code ./mvnw verify}: {@code ./mvnw -Pbenchmark verify -Dit.test=AutoEnrolBenchmark}.
 * Sizes: {@code -Dbench.persons} (100000), {@code -Dbench.courses} (5 courses with records, two
 * records per person and course, so 1,000,000 records by default), {@code -Dbench.leadDays} (30).
 * It asserts nothing about time; the report is printed and written to
 * target/autoenrol-benchmark-report.txt. Mails are queued by the cycle (the outbox) and sent
 * afterwards: the drainer is slowed down here and its rate measured on its own.
 */
@IntegrationTest
@TestPropertySource(properties = {"logging.level.com.icegreen.greenmail=warn", "muster.enrolment.mail-interval=PT1H"})
class AutoEnrolBenchmark {

    private static final double CYCLE_TARGET_SECONDS = 60;
    private static final double SQL_RATIO_TARGET = 3;
    private static final double BOOKING_P95_RATIO_TARGET = 2;

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired EnrolmentMails mails;

    private final int persons = Integer.getInteger("bench.persons", 100_000);
    private final int courseCount = Integer.getInteger("bench.courses", 5);
    private final int leadDays = Integer.getInteger("bench.leadDays", 30);
    private final String run = "ae" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    @Test
    void autoEnrolCycle() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Muster auto-enrol benchmark, ").append(OffsetDateTime.now(ZoneOffset.UTC).toString(), 0, 19)
                .append(" UTC; PostgreSQL ").append(jdbc.queryForObject("show server_version", String.class))
                .append(" (embedded), JDK ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n");

        List<Long> courses = new ArrayList<>();
        for (int c = 0; c < courseCount; c++) {
            courses.add(course(c));
        }
        long t0 = System.nanoTime();
        long records = buildData(courses);
        report.append(String.format("setup (not timed): %,d persons, %,d training records in %.1f s (generate_series)%n",
                persons, records, (System.nanoTime() - t0) / 1e9));

        // the baseline: one statement selecting the same due records, warm (best of three)
        double sqlSeconds = Double.MAX_VALUE;
        long due = 0;
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            due = plainSelect(LATEST_RECORD, courses, Instant.now().plus(Duration.ofDays(leadDays)));
            sqlSeconds = Math.min(sqlSeconds, (System.nanoTime() - s) / 1e9);
        }
        report.append(String.format("plain SQL select of the due records: %,d rows in %.2f s (best of 3)%n", due,
                sqlSeconds));
        // the same rows by the cycle's own formulation (one grouped pass per course): the baseline is the faster one
        double groupedSeconds = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            long rows = plainSelect(GROUPED, courses, Instant.now().plus(Duration.ofDays(leadDays)));
            groupedSeconds = Math.min(groupedSeconds, (System.nanoTime() - s) / 1e9);
            if (rows != due) {
                throw new IllegalStateException("The grouped select finds " + rows + " due records, not " + due);
            }
        }
        report.append(String.format("the same select grouped per person (one pass): %.2f s (best of 3)%n", groupedSeconds));
        double baselineSeconds = Math.min(sqlSeconds, groupedSeconds);

        // bookings, idle
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            learners.add(fixtures.learner());
        }
        // a course per session: a learner books one session per course, and each books every session once
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sessions.add(fixtures.session(fixtures.course("SELF"), 1000, false, false, Map.of()));
        }
        CpuMeter cpu = new CpuMeter(-1);
        LoadRunner.run("booking warm-up", 4, 32, Duration.ofSeconds(60), cpu,
                i -> book(learners.get(i % 16), sessions.get(i / 16)));
        Result idle = LoadRunner.run("bookings, idle", 4, 128, Duration.ofSeconds(120), cpu,
                i -> book(learners.get(i % 16), sessions.get(2 + i / 16)));

        // the cycle alone
        long before = System.nanoTime();
        JsonNode first = cycle();
        double cycleSeconds = (System.nanoTime() - before) / 1e9;
        long enrolled = first.get("enrolled").asLong();
        long considered = first.get("considered").asLong();
        report.append(String.format("cycle (API start to report written): %.2f s; %,d candidates considered, %,d enrolled%n",
                cycleSeconds, considered, enrolled));
        report.append(String.format("  records scanned: %,.0f/s (%,d training records of %d courses); enrolments: %,.0f/s%n",
                records / cycleSeconds, records, courseCount, enrolled / cycleSeconds));
        report.append("  counts: ").append(first.get("counts").toString()).append('\n');
        report.append(String.format("  enrolments in the database: %,d; mails queued: %,d; process instances of the run: 1%n",
                jdbc.queryForObject("select count(*) from enrolment where course_id in (" + ids(courses) + ")", Long.class),
                jdbc.queryForObject("select count(*) from enrolment_mail where sent_at is null", Long.class)));

        // the same day again: nobody twice
        long againStart = System.nanoTime();
        JsonNode again = cycle();
        report.append(String.format("second cycle the same day: %.2f s, %d enrolled%n",
                (System.nanoTime() - againStart) / 1e9, again.get("enrolled").asLong()));

        // the floor: the run's enrolments written by one bare statement, alone and with their sources and mails
        double bareEnrolments = bareWrites(courses, false);
        double bareSeconds = bareWrites(courses, true);
        report.append(String.format("the same %,d enrolments written by one bare SQL statement (rolled back): %.2f s "
                + "alone, %.2f s with their sources and mails; the fastest plain select plus these writes = %.1f × the "
                + "select (%.1f × with the enrolments alone); the cycle = %.1f × the select plus these writes%n", enrolled,
                bareEnrolments, bareSeconds, (baselineSeconds + bareSeconds) / baselineSeconds,
                (baselineSeconds + bareEnrolments) / baselineSeconds, cycleSeconds / (baselineSeconds + bareSeconds)));

        // bookings while a cycle does the whole work again
        jdbc.update("delete from enrolment where course_id in (" + ids(courses) + ")");
        ExecutorService background = Executors.newSingleThreadExecutor();
        long busyStart = System.nanoTime();
        Future<JsonNode> busyCycle = background.submit(this::cycle);
        Thread.sleep(500);
        Result busy = LoadRunner.run("bookings, during the cycle", 4, 128, Duration.ofSeconds(120), cpu,
                i -> book(learners.get(i % 16), sessions.get(10 + i / 16)));
        double bookingsEnd = (System.nanoTime() - busyStart) / 1e9;
        JsonNode busyRun = busyCycle.get();
        double busyCycleSeconds = (System.nanoTime() - busyStart) / 1e9;
        background.shutdown();
        report.append(String.format("bookings p95: idle %.0f ms (%d ok, %.1f/s); during the cycle %.0f ms (%d ok, %.1f/s; "
                + "bookings ran 0.5-%.1f s, the cycle %.1f s, %d enrolled)%n", idle.percentileMillis(95), idle.ok(),
                idle.rate(), busy.percentileMillis(95), busy.ok(), busy.rate(), bookingsEnd, busyCycleSeconds,
                busyRun.get("enrolled").asLong()));
        for (Result bookings : List.of(idle, busy)) {
            if (bookings.ok() < bookings.completed()) {
                report.append("  ").append(bookings.name()).append(": ").append(bookings.outcomeSummary())
                        .append("; ").append(bookings.sampleErrors()).append('\n');
            }
        }

        // the outbox, on its own
        long m0 = System.nanoTime();
        int failed = mails.sendPending(1000);
        double mailSeconds = (System.nanoTime() - m0) / 1e9;
        report.append(String.format("enrolment mails: 1,000 sent from the outbox in %.1f s (%.0f/s), %d failed%n",
                mailSeconds, 1000 / mailSeconds, failed));

        double ratio = cycleSeconds / baselineSeconds;
        double bookingRatio = busy.percentileMillis(95) / idle.percentileMillis(95);
        report.append(String.format("targets: cycle %.1f s < %.0f s: %s; cycle / fastest plain SQL = %.1f (≤ %.0f): %s; "
                + "booking p95 during / idle = %.2f (≤ %.0f): %s%n", cycleSeconds, CYCLE_TARGET_SECONDS,
                cycleSeconds < CYCLE_TARGET_SECONDS ? "met" : "missed", ratio, SQL_RATIO_TARGET,
                ratio <= SQL_RATIO_TARGET ? "met" : "missed", bookingRatio, BOOKING_P95_RATIO_TARGET,
                bookingRatio <= BOOKING_P95_RATIO_TARGET ? "met" : "missed"));

        System.out.println(report);
        Files.writeString(Path.of("target", "autoenrol-benchmark-report.txt"), report.toString());
    }

    private long course(int c) {
        boolean required = c < 3;
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", run + "-c" + c,
                "title", "Benchmark course " + c, "kind", "ELEARNING", "required", required, "enrolmentMethod", "SELF",
                "validityMonths", 12, "launchUrl", "https://learn.example.org/" + run + "/" + c));
        long id = r.body().get("id").asLong();
        api.asAdmin(HttpMethod.PUT, "/api/courses/" + id + "/auto-enrol", Map.of("enabled", true, "leadDays", leadDays,
                "includeSubcontractors", c == 0, "includeOptional", c == 3));
        return id;
    }

    /**
     * Persons (10 % sub-contractors, 2 % opted out, 20 job roles of which 10 require the first two
     * courses) and, per person and course, an old record superseded by the current one; the
     * current ones expire spread over the next year, so about a twelfth fall in the lead time.
     */
    private long buildData(List<Long> courses) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedServices.jdbcUrl(), "postgres", "postgres")) {
            c.setAutoCommit(true);
            BenchmarkPeople.insert(c, run, persons);
            for (int role = 0; role < 10; role++) {
                for (long course : courses.subList(0, Math.min(2, courses.size()))) {
                    jdbc.update("insert into job_role_requirement (job_role, course_id) values (?, ?)",
                            run + "-role" + role, course);
                }
            }
            String insert = """
                    insert into training_record (person_id, course_id, completed_at, expires_at, source, created_at)
                    select p.id, c.id,
                           now() + make_interval(days => ((p.id * 31 + c.id * 17) %% 365)::int - %d),
                           now() + make_interval(days => ((p.id * 31 + c.id * 17) %% 365)::int - %d),
                           'IMPORTED', now()
                    from person p cross join course c
                    where p.username like ? and c.id in (%s)""";
            for (int[] offsets : new int[][] {{730, 365}, {365, 0}}) {
                try (PreparedStatement s = c.prepareStatement(String.format(insert, offsets[0], offsets[1], ids(courses)))) {
                    s.setString(1, run + "-%");
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("analyze")) {
                s.execute();
            }
        }
        return jdbc.queryForObject("select count(*) from training_record where course_id in (" + ids(courses) + ")",
                Long.class);
    }

    /** The due records as the issue states them: the latest record per person and course, expiring by the horizon. */
    private static final String LATEST_RECORD = """
            select r.person_id, r.course_id from training_record r
            where r.course_id in (%s) and r.expires_at <= ?
              and not exists (select 1 from training_record n
                              where n.person_id = r.person_id and n.course_id = r.course_id
                                and (n.expires_at is null or n.expires_at > r.expires_at
                                     or (n.expires_at = r.expires_at and n.id > r.id)))""";

    /** The same rows as the cycle reads them: per person and course, every record expires by the horizon. */
    private static final String GROUPED = """
            select person_id, course_id from training_record
            where course_id in (%s)
            group by person_id, course_id
            having max(expires_at) <= ? and count(expires_at) = count(*)""";

    /** One plain statement over all the courses, its rows fetched and counted. */
    private long plainSelect(String sql, List<Long> courses, Instant horizon) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedServices.jdbcUrl(), "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql.formatted(ids(courses)))) {
            c.setAutoCommit(false);
            s.setFetchSize(10_000);
            s.setTimestamp(1, Timestamp.from(horizon));
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /**
     * The least any implementation writes for the run, timed: the enrolments the cycle made (and,
     * when asked, a source and a queued mail each) written by one statement and no application
     * code into empty copies of the tables (same columns, indexes, checks and foreign keys), in a
     * transaction that is rolled back, copies and all.
     */
    private double bareWrites(List<Long> courses, boolean sourcesAndMails) throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedServices.jdbcUrl(), "postgres", "postgres")) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("create temp table bench_enrolled on commit drop as select person_id, course_id from enrolment "
                        + "where course_id in (" + ids(courses) + ") order by id");
                s.execute("""
                        create table bench_enrolment (like enrolment including all);
                        alter table bench_enrolment add foreign key (person_id) references person (id),
                                                    add foreign key (course_id) references course (id);
                        create table bench_enrolment_source (like enrolment_source including all,
                            foreign key (enrolment_id) references bench_enrolment (id) on delete cascade);
                        create table bench_enrolment_mail (like enrolment_mail including all,
                            foreign key (enrolment_id) references bench_enrolment (id) on delete cascade)""");
                String enrolments = """
                        insert into bench_enrolment (person_id, course_id, status, method, method_label, enrolled_at,
                                                     enrolled_by, progress, updated_at, version)
                        select person_id, course_id, 'ENROLLED', 'AUTO', 'Automatic', now(), 'auto-enrol', 0, now(), 0
                        from bench_enrolled""";
                long start = System.nanoTime();
                s.execute(!sourcesAndMails ? enrolments : """
                        with e as (%s
                                   returning id, version),
                             s as (insert into bench_enrolment_source (enrolment_id, source) select id, 'AUTO' from e)
                        insert into bench_enrolment_mail (enrolment_id, event_key, created_at)
                        select id, concat('enrolment:', id, ':', version), now() from e""".formatted(enrolments));
                double seconds = (System.nanoTime() - start) / 1e9;
                c.rollback();
                return seconds;
            }
        }
    }

    private JsonNode cycle() throws InterruptedException {
        Api.Response started = api.asAdmin(HttpMethod.POST, "/api/auto-enrol/runs", null);
        String location = started.headers().getLocation().toString();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = api.asAdmin(HttpMethod.GET, location, null).body();
            if ("COMPLETED".equals(run.path("state").asText())) {
                return run;
            }
            Thread.sleep(20); // the run's end is seen within 20 ms
        }
        throw new IllegalStateException("The cycle did not finish in 15 minutes: " + location);
    }

    private Outcome book(String learner, long sessionId) {
        Api.Response r = api.post(learner, Api.passwordOf(learner), "/api/sessions/" + sessionId + "/registrations", null);
        return r.status() == 201 ? Outcome.ok("REGISTERED") : Outcome.failed("HTTP " + r.status(), r.text());
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
