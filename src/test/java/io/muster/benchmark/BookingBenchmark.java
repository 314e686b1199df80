package io.muster.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.benchmark.LoadRunner.Outcome;
import io.muster.benchmark.LoadRunner.Result;
import io.muster.people.EmploymentType;
import io.muster.people.PeopleService;
import io.muster.security.MusterGroups;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.PageClient;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;

/**
 * Throughput and latency of booking and of the learner's calendar, on the real stack: the HTTP
 * API through the real security chain (HTTP Basic against Camunda's identity store), the
 * registration process, PostgreSQL. Beside the API bookings, the same seat booking as plain SQL
 * on the same database shows what the database alone can do. Learners, sessions and the
 * calendar's 5,000 sessions are set up before the timed phases; every timed phase is a fixed
 * pool of clients, a bounded number of requests and a time limit, against localhost only.
 *
 * <p>Not part of {@code ./mvnw verify}: run it with {@code ./mvnw -Pbenchmark verify}. It
 * asserts nothing about time; it prints a report and writes it to target/benchmark-report.txt.
 * Sizes are system properties (defaults in {@link Settings}), e.g.
 * {@code ./mvnw -Pbenchmark verify -Dbench.bookings=2000 -Dbench.calendarSessions=500}.
 */
@IntegrationTest
// the test mail server logs every new mailbox; thousands of learners would drown the report
@TestPropertySource(properties = "logging.level.com.icegreen.greenmail=warn")
@org.springframework.context.annotation.Import(JdbcRoundTrips.class)
class BookingBenchmark {

    /** Every learner the benchmark creates has this password. */
    private static final String PASSWORD = "bench-password";
    /** API bookings per second against bare one-task process starts per second, in the same run. */
    private static final double API_TO_ENGINE_TARGET = 0.25;
    /** Bookings on one hot session against bookings spread over many. */
    private static final double HOT_TO_SPREAD_TARGET = 0.8;
    /** A booking's p99 at half the spread rate, paced. */
    private static final double HALF_LOAD_P99_TARGET_MS = 100;
    private static final String BARE_PROCESS = "benchmark-bare-start";
    private static final double CALENDAR_P95_TARGET_MS = 50;
    /** The sessions page renders the same calendar as HTML, a page of it at a time. */
    private static final double PAGE_P95_TARGET_MS = 100;

    @Autowired PeopleService people;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired Environment environment;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;
    @LocalServerPort int port;

    private final Settings settings = Settings.fromSystemProperties();
    private final String run = "b" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private HttpClient http;
    private CpuMeter cpu;

    /**
     * The sizes of one run, each the system property "bench.&lt;name&gt;" (default): clients (8) in every
     * timed phase; sessions (200) with capacity (50) seats for the spread bookings; hotCapacity (100)
     * of the one hot session, which has a waiting list; bookings (2000) per API scenario, each by a
     * learner of its own; warmup (300) bookings before them, not counted; sqlTransactions (20000)
     * per plain SQL scenario; calendarSessions (5000) upcoming sessions for the calendar;
     * calendarRequests (1000) at 1 and at "clients" clients, after calendarWarmup (500) requests;
     * timeLimitSeconds (120) for each timed phase.
     */
    record Settings(int clients, int sessions, int capacity, int hotCapacity, int bookings, int warmup,
            int sqlTransactions, int calendarSessions, int calendarRequests, int calendarWarmup, int timeLimitSeconds) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.clients", 8),
                    Integer.getInteger("bench.sessions", 200),
                    Integer.getInteger("bench.capacity", 50),
                    Integer.getInteger("bench.hotCapacity", 100),
                    Integer.getInteger("bench.bookings", 2000),
                    Integer.getInteger("bench.warmup", 300),
                    Integer.getInteger("bench.sqlTransactions", 20_000),
                    Integer.getInteger("bench.calendarSessions", 5000),
                    Integer.getInteger("bench.calendarRequests", 1000),
                    Integer.getInteger("bench.calendarWarmup", 500),
                    Integer.getInteger("bench.timeLimitSeconds", 120));
        }

        Duration timeLimit() {
            return Duration.ofSeconds(timeLimitSeconds);
        }

        String describe() {
            return "clients=" + clients + " sessions=" + sessions + " capacity=" + capacity + " hotCapacity="
                    + hotCapacity + " bookings=" + bookings + " warmup=" + warmup + " sqlTransactions="
                    + sqlTransactions + " calendarSessions=" + calendarSessions + " calendarRequests="
                    + calendarRequests + " calendarWarmup=" + calendarWarmup + " timeLimitSeconds=" + timeLimitSeconds;
        }
    }

    /** What one timed phase did to the database, from PostgreSQL's own counters (approximate: flushed lazily). */
    record DbCounters(long commits, long rollbacks, long inserted, long updated, long deleted, Map<String, Long> perTable) {

        DbCounters minus(DbCounters o) {
            Map<String, Long> tables = new LinkedHashMap<>();
            perTable.forEach((table, n) -> {
                long d = n - o.perTable.getOrDefault(table, 0L);
                if (d > 0) {
                    tables.put(table, d);
                }
            });
            return new DbCounters(commits - o.commits, rollbacks - o.rollbacks, inserted - o.inserted,
                    updated - o.updated, deleted - o.deleted, tables);
        }

        String perUnit(long units, String unit) {
            if (units <= 0) {
                return "-";
            }
            StringBuilder top = new StringBuilder();
            perTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .forEach(e -> top.append(top.isEmpty() ? "" : ", ").append(e.getKey()).append(' ')
                            .append(String.format("%.1f", (double) e.getValue() / units)));
            return String.format("per %s ≈ %.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted%n"
                    + "      rows written per %s by table: %s", unit, (double) commits / units,
                    (double) inserted / units, (double) updated / units, (double) deleted / units, unit, top);
        }
    }

    /** A timed booking phase with what the database and the job executor did for it. */
    record Phase(Result result, String activity, DbCounters db, long backlogAtEnd, double drainSeconds,
            long failedJobs, Map<String, Long> roundTrips) {

        /** JDBC round trips per successful call, per kind of thread that made them. */
        String roundTripsPerCall() {
            StringBuilder s = new StringBuilder();
            roundTrips.forEach((kind, trips) -> s.append(s.isEmpty() ? "" : ", ").append(kind).append(' ')
                    .append(String.format("%.1f", result.ok() == 0 ? 0.0 : (double) trips / result.ok())));
            return s.toString();
        }
    }

    @Test
    void bookingsAndCalendar() throws Exception {
        long testStart = System.nanoTime();
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, named(CpuMeter.CLIENT_THREAD_PREFIX + "http-")))
                .build();
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        long[] backendStat = CpuMeter.stat(backend);
        cpu = new CpuMeter(backendStat == null ? -1 : backendStat[0]);

        StringBuilder report = new StringBuilder();
        report.append("Muster benchmark, ").append(OffsetDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19)).append(" UTC\n");
        report.append("PostgreSQL ").append(setting("server_version")).append(" (embedded; synchronous_commit=")
                .append(setting("synchronous_commit")).append(", shared_buffers=").append(setting("shared_buffers"))
                .append("), JDK ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, application DB pool ")
                .append(environment.getProperty("spring.datasource.hikari.maximum-pool-size", "(Hikari default)"))
                .append("\n");
        report.append("settings: ").append(settings.describe()).append("\n");

        progress("settings: " + settings.describe());
        // 1. Bookings through the API.
        String bookingSetup = bookingSetup();
        Phase spread = timedBookingPhase("API spread", i -> book(spreadLearners.get(i),
                spreadSessions.get(i % spreadSessions.size())));
        Phase hot = timedBookingPhase("API hot", i -> book(hotLearners.get(i), hotSession));
        String apiChecks = bookingChecks(spread.result(), hot.result());
        double halfRate = spread.result().rate() / 2;
        Phase half = timedPhase("API half load", bookings -> LoadRunner.paced("API half load",
                settings.clients(), bookings, halfRate, settings.timeLimit(), cpu,
                i -> book(halfLearners.get(i), halfSessions.get(i % halfSessions.size()))));

        // 1b. The engine alone: a process of one service task, started in the same JVM, database and history level.
        Phase bare = bareEnginePhase();

        // 2. The same seat booking as plain SQL on the same database.
        sqlSetup();
        Thread.sleep(1500);
        Phase sqlSpread = timedSqlPhase("SQL spread", i -> sqlSessions.get(i % sqlSessions.size()));
        Phase sqlHot = timedSqlPhase("SQL hot", i -> sqlHotSession);

        // 3. The calendar last, on a JVM the bookings warmed up, with the sessions of the booking
        // phases taken out of the upcoming ones: the database then holds exactly the calendar's.
        int retired = jdbc.update("update training_session set status = 'COMPLETED' where course_id in (?, ?, ?, ?, ?)",
                warmCourse, spreadCourse, hotCourse, halfCourse, sqlCourse);
        String calendar = calendarPhases(retired);

        progress("done");
        report.append("\n").append(bookingSetup);
        report.append("\nBOOKINGS  POST /api/sessions/{id}/registrations, HTTP Basic, ").append(settings.clients())
                .append(" clients (SQL: begin; select ... for update; update seats_taken; insert registration; commit)\n");
        report.append(header());
        for (Phase p : List.of(spread, hot, half, bare, sqlSpread, sqlHot)) {
            report.append(row(p.result()));
        }
        double engineRatio = spread.result().rate() / bare.result().rate();
        double hotRatio = hot.result().rate() / spread.result().rate();
        double halfP99 = half.result().percentileMillis(99);
        report.append(String.format("  API spread / bare engine starts: %.1f/s / %.1f/s = %.3f   (target >= %.2f: %s)%n",
                spread.result().rate(), bare.result().rate(), engineRatio, API_TO_ENGINE_TARGET,
                engineRatio >= API_TO_ENGINE_TARGET ? "MET" : "MISSED"));
        report.append(String.format("  API hot / spread: %.3f   (target >= %.2f: %s)%n", hotRatio, HOT_TO_SPREAD_TARGET,
                hotRatio >= HOT_TO_SPREAD_TARGET ? "MET" : "MISSED"));
        report.append(String.format("  booking p99 paced at half the spread rate (%.1f/s): %.1f ms   (target < %.0f ms: %s)%n",
                halfRate, halfP99, HALF_LOAD_P99_TARGET_MS, halfP99 < HALF_LOAD_P99_TARGET_MS ? "MET" : "MISSED"));
        report.append(String.format("  API spread / plain SQL (for reference): %.3f%n",
                spread.result().rate() / sqlSpread.result().rate()));
        for (Phase p : List.of(spread, hot, half, bare, sqlSpread, sqlHot)) {
            Result r = p.result();
            report.append("  ").append(r.name()).append(": ").append(r.outcomeSummary())
                    .append(r.stoppedByTimeLimit() ? "  [stopped by the time limit]" : "").append("\n");
            report.append("    CPU (cores busy): ").append(r.cpu().describe(Runtime.getRuntime().availableProcessors()))
                    .append("\n");
            report.append("    PostgreSQL sessions (average): ").append(p.activity()).append("\n");
            report.append("    DB ").append(p.db().perUnit(r.ok(), "booking")).append("\n");
            if (!p.roundTrips().isEmpty()) {
                report.append("    JDBC round trips per booking (statements, commits, rollbacks) by thread: ")
                        .append(p.roundTripsPerCall()).append("\n");
            }
            if (p.backlogAtEnd() >= 0) {
                report.append(String.format("    at the end still queued: %d mail jobs; all done %.1f s later;"
                        + " failed jobs: %d%n", p.backlogAtEnd(), p.drainSeconds(), p.failedJobs()));
            }
            r.sampleErrors().forEach(e -> report.append("    error sample ").append(e).append("\n"));
        }
        report.append(apiChecks);
        report.append("\n").append(calendar);
        report.append(String.format("%nbenchmark method took %.0f s (JVM up %.0f s, incl. application start)%n",
                (System.nanoTime() - testStart) / 1e9, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));

        String text = report.toString();
        System.out.println("\n==================== BENCHMARK REPORT ====================\n" + text
                + "==========================================================\n");
        Path file = Path.of("target", "benchmark-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ calendar

    private String calendarPhases(int retired) throws Exception {
        long t0 = System.nanoTime();
        // the calendar learner books five of its sessions
        long course = fixtures.course(true);
        String mine = "BenchMine-" + run;
        String other = "BenchOther-" + run;
        int inserted = jdbc.update("""
                insert into training_session (course_id, title, short_description, starts_at, ends_at, time_zone,
                    duration_minutes, type, location, capacity, seats_taken, waiting_list, approval_required, status,
                    created_at)
                select ?, 'Benchmark calendar session ' || g, 'One of many upcoming sessions',
                       now() + interval '7 days' + g * interval '90 minutes',
                       now() + interval '7 days' + g * interval '90 minutes' + interval '1 hour',
                       'Europe/London', 60, 'IN_PERSON', 'Room ' || (g % 20), 20, g % 21, true, false, 'SCHEDULED',
                       now()
                from generate_series(1, ?) g""", course, settings.calendarSessions());
        // the first of every three sessions is for the learner's department, the second for
        // another department, the third open to all
        jdbc.update("""
                insert into session_department (session_id, department)
                select id, case when rn % 3 = 1 then ? else ? end
                from (select id, row_number() over (order by id) as rn from training_session where course_id = ?) s
                where rn % 3 <> 0""", mine, other, course);
        jdbc.execute("analyze training_session");
        jdbc.execute("analyze session_department");
        String learner = "bcal-" + run;
        people.create(learner, PASSWORD, "Calendar Learner", learner + "@example.org", mine, "Technician", "London",
                EmploymentType.EMPLOYEE, null, "Europe/London", Set.of(MusterGroups.LEARNERS), Map.of());
        long upcoming = jdbc.queryForObject(
                "select count(*) from training_session where status = 'SCHEDULED' and starts_at > now()", Long.class);
        long forLearner = jdbc.queryForObject("""
                select count(*) from training_session s where s.course_id = ? and not exists (
                    select 1 from session_department d where d.session_id = s.id and d.department = ?)""",
                Long.class, course, other);
        // a few registrations of the learner's own, so the calendar shows statuses too
        List<Long> toBook = jdbc.queryForList("""
                select s.id from training_session s where s.course_id = ? and not exists (
                    select 1 from session_department d where d.session_id = s.id and d.department = ?)
                order by s.id limit 5""", Long.class, course, other);
        for (long session : toBook) {
            Outcome booked = book(learner, session);
            if (!booked.ok()) {
                throw new IllegalStateException("Cannot book the calendar learner: " + booked);
            }
        }
        drainJobs(Duration.ofSeconds(60));
        double setupSeconds = (System.nanoTime() - t0) / 1e9;

        progress("calendar: " + inserted + " sessions and a learner set up; warming up");
        LoadRunner.run("calendar warm-up", settings.clients(), settings.calendarWarmup(),
                settings.timeLimit(), cpu, i -> calendar(learner));
        long decisionsBefore = decisionInstances();
        progress("calendar: 1 client");
        Result one = LoadRunner.run("calendar, 1 client", 1, settings.calendarRequests(), settings.timeLimit(), cpu,
                i -> calendar(learner));
        progress("calendar: " + settings.clients() + " clients");
        Result many = LoadRunner.run("calendar, " + settings.clients() + " clients", settings.clients(),
                settings.calendarRequests(), settings.timeLimit(), cpu, i -> calendar(learner));
        long decisionsAfter = decisionInstances();

        PageClient browser = new PageClient("http://localhost:" + port,
                Executors.newFixedThreadPool(2, named(CpuMeter.CLIENT_THREAD_PREFIX + "page-")))
                .signIn(learner, PASSWORD);
        progress("sessions page: warm-up, 1 client, " + settings.clients() + " clients");
        LoadRunner.run("sessions page warm-up", settings.clients(), settings.calendarWarmup(), settings.timeLimit(), cpu,
                i -> sessionsPage(browser));
        Result pageOne = LoadRunner.run("sessions page, 1 client", 1, settings.calendarRequests(),
                settings.timeLimit(), cpu, i -> sessionsPage(browser));
        Result pageMany = LoadRunner.run("sessions page, " + settings.clients() + " clients", settings.clients(),
                settings.calendarRequests(), settings.timeLimit(), cpu, i -> sessionsPage(browser));

        // the timed calls read the first page (the API's default); here every page is read
        List<JsonNode> entries = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode page = json.readTree(get(learner, "/api/me/sessions?limit=500&offset=" + offset).body());
            page.forEach(entries::add);
            if (page.size() < 500) {
                break;
            }
        }
        int withStatus = 0;
        for (JsonNode entry : entries) {
            if (entry.hasNonNull("myStatus")) {
                withStatus++;
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("CALENDAR  GET /api/me/sessions, HTTP Basic\n");
        s.append(String.format("  %d upcoming scheduled sessions in the database (%d inserted for the calendar: "
                + "1/3 open to all, 1/3 for the learner's department, 1/3 for another; the %d sessions of the booking "
                + "phases marked COMPLETED before), set up in %.1f s%n", upcoming, inserted, retired, setupSeconds));
        s.append(String.format("  the learner sees %d entries (expected %d of the benchmark's), %d with a status of "
                + "their own; first page (the default, timed below) %.0f KB%n", entries.size(), forLearner, withStatus,
                one.ok() == 0 ? 0.0 : one.bytes() / 1024.0 / one.ok()));
        s.append(header());
        s.append(row(one));
        s.append(row(many));
        for (Result r : List.of(one, many)) {
            s.append("  ").append(r.name()).append(": ").append(r.outcomeSummary())
                    .append(r.stoppedByTimeLimit() ? "  [stopped by the time limit]" : "").append("\n");
            s.append("    CPU (cores busy): ").append(r.cpu().describe(Runtime.getRuntime().availableProcessors()))
                    .append("\n");
            r.sampleErrors().forEach(e -> s.append("    error sample ").append(e).append("\n"));
        }
        double worstP95 = Math.max(one.percentileMillis(95), many.percentileMillis(95));
        s.append(String.format("  p95 target < %.0f ms: 1 client %s, %d clients %s%n", CALENDAR_P95_TARGET_MS,
                one.percentileMillis(95) < CALENDAR_P95_TARGET_MS ? "MET" : "MISSED", settings.clients(),
                many.percentileMillis(95) < CALENDAR_P95_TARGET_MS ? "MET" : "MISSED"));
        s.append(String.format("  act_hi_decinst rows: %d before, %d after the calendar requests (%s)%n",
                decisionsBefore, decisionsAfter, decisionsAfter == decisionsBefore ? "no growth: OK" : "GREW"));
        if (Double.isNaN(worstP95)) {
            s.append("  no calendar request succeeded\n");
        }
        s.append("SESSIONS PAGE  GET /sessions (HTML, signed in with a session cookie, first page of ")
                .append(25).append(" sessions)\n");
        s.append(header());
        s.append(row(pageOne));
        s.append(row(pageMany));
        for (Result r : List.of(pageOne, pageMany)) {
            s.append("  ").append(r.name()).append(": ").append(r.outcomeSummary()).append("\n");
            r.sampleErrors().forEach(e -> s.append("    error sample ").append(e).append("\n"));
        }
        s.append(String.format("  p95 target < %.0f ms: 1 client %s, %d clients %s; page / API p95 at %d clients = %.2f%n",
                PAGE_P95_TARGET_MS, pageOne.percentileMillis(95) < PAGE_P95_TARGET_MS ? "MET" : "MISSED",
                settings.clients(), pageMany.percentileMillis(95) < PAGE_P95_TARGET_MS ? "MET" : "MISSED",
                settings.clients(), pageMany.percentileMillis(95) / many.percentileMillis(95)));
        return s.toString();
    }

    private static Outcome sessionsPage(PageClient client) {
        HttpResponse<String> r = client.get("/sessions");
        return r.statusCode() == 200 && r.body().contains("session-card") ? Outcome.ok("200", r.body().length())
                : Outcome.failed("HTTP " + r.statusCode(), r.body());
    }

    private Outcome calendar(String learner) throws IOException, InterruptedException {
        HttpResponse<String> r = get(learner, "/api/me/sessions");
        return r.statusCode() == 200 ? Outcome.ok("200", r.body().length())
                : Outcome.failed("HTTP " + r.statusCode(), r.body());
    }

    private long decisionInstances() {
        return jdbc.queryForObject("select count(*) from act_hi_decinst", Long.class);
    }

    // ------------------------------------------------------------------ bookings through the API

    private List<Long> spreadSessions;
    private long hotSession;
    private List<String> spreadLearners;
    private List<String> hotLearners;
    private List<String> halfLearners;
    private List<Long> halfSessions;
    private long warmCourse;
    private long spreadCourse;
    private long hotCourse;
    private long halfCourse;

    private String bookingSetup() throws Exception {
        long t0 = System.nanoTime();
        spreadCourse = fixtures.course("SELF");
        hotCourse = fixtures.course("SELF");
        warmCourse = fixtures.course("SELF");
        int warmSessions = 10;
        List<Long> warmSpread = inParallel(warmSessions,
                i -> fixtures.session(warmCourse, settings.capacity(), false, false, Map.of()));
        long warmHot = fixtures.session(warmCourse, 10, true, false, Map.of());
        spreadSessions = inParallel(settings.sessions(),
                i -> fixtures.session(spreadCourse, settings.capacity(), false, false, Map.of()));
        hotSession = fixtures.session(hotCourse, settings.hotCapacity(), true, false, Map.of());
        halfCourse = fixtures.course("SELF");
        halfSessions = inParallel(settings.sessions(),
                i -> fixtures.session(halfCourse, settings.capacity(), false, false, Map.of()));
        double sessionSeconds = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        progress("bookings: " + (settings.warmup() + 3 * settings.bookings()) + " learners to create");
        List<String> warmLearners = learners("bw", settings.warmup());
        spreadLearners = learners("bs", settings.bookings());
        hotLearners = learners("bh", settings.bookings());
        halfLearners = learners("bp", settings.bookings());
        double learnerSeconds = (System.nanoTime() - t1) / 1e9;

        progress("bookings: warming up");
        Result warm = LoadRunner.run("API warm-up", settings.clients(), settings.warmup(), settings.timeLimit(), cpu,
                i -> book(warmLearners.get(i), i % 2 == 0 ? warmSpread.get((i / 2) % warmSessions) : warmHot));
        drainJobs(Duration.ofSeconds(180));

        StringBuilder s = new StringBuilder();
        s.append(String.format("setup (not timed): %d sessions through the API in %.1f s; %d learners (profile and "
                + "Camunda login, through PeopleService) in %.1f s%n", 2 * settings.sessions() + warmSessions + 2, sessionSeconds,
                settings.warmup() + 3 * settings.bookings(), learnerSeconds));
        s.append(String.format("warm-up (not counted): %d bookings, %.0f/s, %s%n", warm.completed(), warm.rate(),
                warm.outcomeSummary()));
        if ((long) settings.sessions() * settings.capacity() < settings.bookings()) {
            s.append("WARNING: fewer seats than bookings in the spread scenario: the rest is refused as full\n");
        }
        return s.toString();
    }

    private Phase timedBookingPhase(String name, LoadRunner.Call call) throws Exception {
        return timedPhase(name, bookings -> LoadRunner.run(name, settings.clients(), bookings,
                settings.timeLimit(), cpu, call));
    }

    @FunctionalInterface
    private interface Load {
        Result run(int requests) throws Exception;
    }

    private Phase timedPhase(String name, Load load) throws Exception {
        drainJobs(Duration.ofSeconds(180));
        DbCounters before = dbCounters();
        Map<String, Long> tripsBefore = JdbcRoundTrips.snapshot();
        progress(name + ": " + settings.bookings() + " bookings");
        Result result;
        String activity;
        try (PgActivity pg = PgActivity.start(EmbeddedServices.jdbcUrl())) {
            result = load.run(settings.bookings());
            activity = pg.summary();
        }
        long backlog = pendingJobs();
        double drain = drainJobs(Duration.ofSeconds(300));
        Map<String, Long> tripsAfter = JdbcRoundTrips.snapshot();
        Map<String, Long> trips = new LinkedHashMap<>();
        for (String kind : List.of(CpuMeter.REQUESTS, CpuMeter.LOAD_GENERATOR, CpuMeter.JOBS)) {
            long n = JdbcRoundTrips.between(tripsBefore, tripsAfter, kind);
            if (n > 0) {
                trips.put(kind, n);
            }
        }
        Thread.sleep(1500); // PostgreSQL publishes its counters lazily
        DbCounters db = dbCounters().minus(before);
        return new Phase(result, activity, db, backlog, drain, failedJobs(), trips);
    }

    /**
     * The baseline: as many starts as bookings of a process with one (expression) service task,
     * through the engine's Java API at the same number of clients, after a warm-up.
     */
    private Phase bareEnginePhase() throws Exception {
        repository.createDeployment().name(BARE_PROCESS).addModelInstance(BARE_PROCESS + ".bpmn",
                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(BARE_PROCESS)
                        .camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask().camundaExpression("${true}").endEvent().done())
                .deploy();
        LoadRunner.run("engine warm-up", settings.clients(), settings.warmup(), settings.timeLimit(), cpu,
                i -> start());
        return timedBookingPhase("engine bare start", i -> start());
    }

    private Outcome start() {
        runtime.startProcessInstanceByKey(BARE_PROCESS);
        return Outcome.ok("started");
    }

    private Outcome book(String learner, long sessionId) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(learner, "/api/sessions/" + sessionId + "/registrations")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            return Outcome.failed("HTTP " + r.statusCode(), r.body());
        }
        String body = r.body();
        return Outcome.ok(body.contains("\"WAITING_LIST\"") ? "WAITING_LIST"
                : body.contains("\"REGISTERED\"") ? "REGISTERED" : "201 " + body);
    }

    /** The roster agrees with what the API answered. */
    private String bookingChecks(Result spread, Result hot) {
        long spreadSeats = jdbc.queryForObject(
                "select coalesce(sum(seats_taken), 0) from training_session where course_id = ?", Long.class,
                spreadCourse);
        long spreadRegistered = jdbc.queryForObject("""
                select count(*) from registration r join training_session s on s.id = r.session_id
                where s.course_id = ? and r.status = 'REGISTERED'""", Long.class, spreadCourse);
        Map<String, Object> hotRow = jdbc.queryForMap("""
                select s.seats_taken,
                       (select count(*) from registration r where r.session_id = s.id and r.status = 'REGISTERED') as registered,
                       (select count(*) from registration r where r.session_id = s.id and r.status = 'WAITING_LIST') as waiting
                from training_session s where s.id = ?""", hotSession);
        long hotSeats = ((Number) hotRow.get("seats_taken")).longValue();
        long hotRegistered = ((Number) hotRow.get("registered")).longValue();
        long hotWaiting = ((Number) hotRow.get("waiting")).longValue();
        boolean ok = spreadSeats == spreadRegistered && spreadRegistered == spread.ok()
                && hotSeats == hotRegistered && hotSeats == Math.min(settings.hotCapacity(), hot.ok())
                && hotRegistered + hotWaiting == hot.ok();
        return String.format("  roster check: spread %d seats taken / %d REGISTERED / %d answered; hot %d seats / %d "
                + "REGISTERED / %d WAITING_LIST / %d answered: %s%n", spreadSeats, spreadRegistered, spread.ok(),
                hotSeats, hotRegistered, hotWaiting, hot.ok(), ok ? "consistent" : "INCONSISTENT");
    }

    // ------------------------------------------------------------------ plain SQL

    private long sqlCourse;
    private List<Long> sqlSessions;
    private long sqlHotSession;
    private List<Long> sqlPersons;

    private void sqlSetup() throws SQLException {
        sqlCourse = fixtures.course("SELF");
        long course = sqlCourse;
        int perSession = (settings.sqlTransactions() + settings.sessions() - 1) / settings.sessions();
        // on a connection of its own: a closing backend reports its counters at once, so the
        // set-up does not show in the phases' counters
        SingleConnectionDataSource setup = new SingleConnectionDataSource(
                DriverManager.getConnection(EmbeddedServices.jdbcUrl(), "postgres", "postgres"), false);
        try {
            JdbcTemplate sql = new JdbcTemplate(setup);
            sqlSessions = insertSessions(sql, course, settings.sessions(), Math.max(settings.capacity(), perSession),
                    false);
            sqlHotSession = insertSessions(sql, course, 1, settings.hotCapacity(), true).get(0);
            // persons only: the SQL transaction needs distinct people, not logins
            sqlPersons = persons(sql);
            sql.execute("analyze person");
        } finally {
            setup.destroy();
        }
    }

    private List<Long> persons(JdbcTemplate sql) {
        return sql.queryForList("""
                insert into person (username, name, email, time_zone, employment_type, created_at)
                select 'bq-' || ? || '-' || g, 'SQL Person ' || g, 'bq-' || ? || '-' || g || '@example.org',
                       'Europe/London', 'EMPLOYEE', now()
                from generate_series(1, ?) g
                returning id""", Long.class, run, run, settings.sqlTransactions());
    }

    private static List<Long> insertSessions(JdbcTemplate sql, long course, int count, int capacity,
            boolean waitingList) {
        return sql.queryForList("""
                insert into training_session (course_id, title, starts_at, ends_at, time_zone, duration_minutes,
                    type, location, capacity, seats_taken, waiting_list, approval_required, status, created_at)
                select ?, 'Benchmark SQL session ' || g, now() + interval '30 days' + g * interval '2 hours',
                       now() + interval '30 days' + g * interval '2 hours' + interval '1 hour', 'Europe/London', 60,
                       'IN_PERSON', 'Room 1', ?, 0, ?, false, 'SCHEDULED', now()
                from generate_series(1, ?) g
                returning id""", Long.class, course, capacity, waitingList, count);
    }

    private Phase timedSqlPhase(String name, IntFunction<Long> sessionOf) throws Exception {
        List<SqlClient> clients = new ArrayList<>();
        ThreadLocal<SqlClient> client = ThreadLocal.withInitial(() -> {
            SqlClient c = new SqlClient();
            synchronized (clients) {
                clients.add(c);
            }
            return c;
        });
        try {
            DbCounters before = dbCounters();
            progress(name + ": " + settings.sqlTransactions() + " transactions");
            Result result;
            String activity;
            try (PgActivity pg = PgActivity.start(EmbeddedServices.jdbcUrl())) {
                result = LoadRunner.run(name, settings.clients(), settings.sqlTransactions(), settings.timeLimit(),
                        cpu, i -> client.get().book(sessionOf.apply(i), sqlPersons.get(i)));
                activity = pg.summary();
            }
            closeAll(clients); // a closing backend reports its counters at once
            Thread.sleep(1500);
            DbCounters db = dbCounters().minus(before);
            return new Phase(result, activity, db, -1, 0, 0, Map.of());
        } finally {
            closeAll(clients);
        }
    }

    private static void closeAll(List<SqlClient> clients) {
        synchronized (clients) {
            clients.forEach(SqlClient::close);
            clients.clear();
        }
    }

    /** One client's connection of its own, outside the application's pool. */
    private static final class SqlClient implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement lock;
        private final PreparedStatement take;
        private final PreparedStatement insert;

        SqlClient() {
            try {
                connection = DriverManager.getConnection(EmbeddedServices.jdbcUrl(), "postgres", "postgres");
                connection.setAutoCommit(false);
                lock = connection.prepareStatement("""
                        select capacity, seats_taken, waiting_list, status, starts_at, ends_at
                        from training_session where id = ? for update""");
                take = connection.prepareStatement(
                        "update training_session set seats_taken = seats_taken + 1 where id = ?");
                insert = connection.prepareStatement("""
                        insert into registration (session_id, person_id, status, method, requested_at, created_at,
                            updated_at)
                        values (?, ?, ?, 'SELF', now(), now(), now())""");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Outcome book(long sessionId, long personId) throws SQLException {
            try {
                lock.setLong(1, sessionId);
                String status;
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    int capacity = rs.getInt(1);
                    boolean unlimited = rs.wasNull();
                    int taken = rs.getInt(2);
                    boolean waitingList = rs.getBoolean(3);
                    status = unlimited || taken < capacity ? "REGISTERED" : waitingList ? "WAITING_LIST" : null;
                }
                if (status == null) {
                    connection.rollback();
                    return Outcome.failed("full", null);
                }
                if (status.equals("REGISTERED")) {
                    take.setLong(1, sessionId);
                    take.executeUpdate();
                }
                insert.setLong(1, sessionId);
                insert.setLong(2, personId);
                insert.setString(3, status);
                insert.executeUpdate();
                connection.commit();
                return Outcome.ok(status);
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing after the run: nothing to do
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<String> learners(String prefix, int count) throws Exception {
        return inParallel(count, i -> {
            String username = prefix + "-" + run + "-" + i;
            people.create(username, PASSWORD, "Bench Learner " + i, username + "@example.org", "Operations",
                    "Technician", "London", EmploymentType.EMPLOYEE, null, "Europe/London",
                    Set.of(MusterGroups.LEARNERS), Map.of());
            return username;
        });
    }

    /** Untimed setup work, a few at a time, results in order. */
    private static <T> List<T> inParallel(int count, IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4, named("setup-"));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<T>) () -> work.apply(n)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private HttpRequest.Builder request(String user, String path) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return http.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asynchronous continuations (the registration mails) not yet run. */
    private long pendingJobs() {
        return jdbc.queryForObject("select count(*) from act_ru_job where handler_type_ = 'async-continuation'",
                Long.class);
    }

    private long failedJobs() {
        return jdbc.queryForObject("""
                select count(*) from act_ru_job where handler_type_ = 'async-continuation'
                and exception_msg_ is not null""", Long.class);
    }

    /** Waits until the job executor has sent every queued mail (or failed it); returns the seconds it took. */
    private double drainJobs(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline && pendingJobs() > failedJobs()) {
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private DbCounters dbCounters() {
        Map<String, Object> db = jdbc.queryForMap("""
                select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted
                from pg_stat_database where datname = current_database()""");
        Map<String, Long> tables = new LinkedHashMap<>();
        jdbc.query("select relname, n_tup_ins + n_tup_upd + n_tup_del from pg_stat_user_tables",
                rs -> {
                    tables.put(rs.getString(1), rs.getLong(2));
                });
        return new DbCounters(((Number) db.get("xact_commit")).longValue(), ((Number) db.get("xact_rollback")).longValue(),
                ((Number) db.get("tup_inserted")).longValue(), ((Number) db.get("tup_updated")).longValue(),
                ((Number) db.get("tup_deleted")).longValue(), tables);
    }

    /** A progress line while the benchmark runs (the report comes at the end). */
    private static void progress(String message) {
        System.out.println("[benchmark " + java.time.LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))
                + "] " + message);
    }

    private String setting(String name) {
        return jdbc.queryForObject("select current_setting(?)", String.class, name);
    }

    private static String header() {
        return String.format("  %-20s %13s %9s %8s %8s %8s %8s %7s%n", "scenario", "done/asked", "per s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "secs");
    }

    private static String row(Result r) {
        return String.format("  %-20s %13s %9.1f %8.1f %8.1f %8.1f %8.1f %7.1f%n", r.name(),
                r.completed() + "/" + r.requested(), r.rate(), r.percentileMillis(50), r.percentileMillis(95),
                r.percentileMillis(99), r.maxMillis(), r.seconds());
    }
}
