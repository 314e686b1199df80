package io.muster.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.muster.support.Api;
import io.muster.support.EmbeddedServices;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Smart enrolment at scale: 100,000 persons in four departments (made with generate_series on
 * the embedded PostgreSQL), a segment of one department, and, each timed until the
 * smart-enrolment run has ended: linking an assignment-only course (a quarter of everyone
 * enrolled), changing the segment's rule to another department (that quarter unenrolled, another
 * enrolled), and unlinking the course (the second quarter unenrolled). Chunks are the production
 * size.
 *
 * <p>Not part of {@code ./mvnw verify}: {@code ./mvnw -Pbenchmark verify -Dit.test=SmartEnrolmentBenchmark}.
 * Size: {@code -Dbench.persons} (100000). It asserts what each step must have done, nothing
 * about time; the report is printed and written to target/smart-enrolment-benchmark-report.txt.
 */
@IntegrationTest
@TestPropertySource(properties = {"logging.level.com.icegreen.greenmail=warn", "muster.smart-enrolment.chunk-size=1000",
        "muster.enrolment.mail-interval=PT1H"})
class SmartEnrolmentBenchmark {

    @Autowired Api api;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    private final int persons = Integer.getInteger("bench.persons", 100_000);
    private final String run = "se" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    @Test
    void segmentLinkRuleChangeAndUnlink() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Muster smart-enrolment benchmark, ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).toString(), 0, 19).append(" UTC; PostgreSQL ")
                .append(jdbc.queryForObject("show server_version", String.class)).append(" (embedded), JDK ")
                .append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n");
        long t0 = System.nanoTime();
        buildPeople();
        report.append(String.format("setup (not timed): %,d persons in 4 departments in %.1f s%n", persons,
                (System.nanoTime() - t0) / 1e9));
        int quarter = persons / 4;

        long course = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", run + "-c", "title", "Benchmark course",
                "kind", "ELEARNING", "required", false, "enrolmentMethod", "ASSIGNMENT_ONLY",
                "launchUrl", "https://learn.example.org/" + run)).body().get("id").asLong();

        long start = System.nanoTime();
        Api.Response created = api.asAdmin(HttpMethod.POST, "/api/segments", Map.of("name", run + " segment",
                "rule", Map.of("department", List.of(department(0)))));
        expect(created.status() == 201, "segment not created: " + created);
        long segment = created.body().get("id").asLong();
        report.append(String.format("segment created with its %,d members: %.2f s%n", quarter,
                (System.nanoTime() - start) / 1e9));

        start = System.nanoTime();
        expect(api.asAdmin(HttpMethod.POST, "/api/segments/" + segment + "/courses", Map.of("courseId", course))
                .status() == 201, "course not linked");
        double link = settle(start);
        expect(enrolled(course, segment) == quarter, "the link enrolled " + enrolled(course, segment));
        report.append(line("link: every member enrolled", quarter, link));

        start = System.nanoTime();
        expect(api.asAdmin(HttpMethod.PUT, "/api/segments/" + segment, Map.of("name", run + " segment",
                "rule", Map.of("department", List.of(department(1))))).status() == 200, "rule not changed");
        double change = settle(start);
        expect(enrolled(course, segment) == quarter, "after the rule change " + enrolled(course, segment));
        expect(unenrolled(course) == quarter, "the rule change unenrolled " + unenrolled(course));
        report.append(line("rule change: who left unenrolled, who joined enrolled", 2 * quarter, change));

        start = System.nanoTime();
        expect(api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment + "/courses/" + course, null).status() == 204,
                "course not unlinked");
        double unlink = settle(start);
        expect(enrolled(course, segment) == 0 && unenrolled(course) == 2 * quarter, "the unlink left "
                + enrolled(course, segment));
        report.append(line("unlink: everyone the link enrolled unenrolled", quarter, unlink));

        System.out.println(report);
        Files.writeString(Path.of("target", "smart-enrolment-benchmark-report.txt"), report.toString());
    }

    private String department(int i) {
        return run + "-dept" + i;
    }

    private static String line(String step, int enrolments, double seconds) {
        return String.format("%s: %,d enrolments changed in %.1f s (%,.0f/s)%n", step, enrolments, seconds,
                enrolments / seconds);
    }

    /** The persons, a quarter per department. */
    private void buildPeople() throws Exception {
        try (Connection c = DriverManager.getConnection(EmbeddedServices.jdbcUrl(), "postgres", "postgres");
                var analyze = c.createStatement()) {
            BenchmarkPeople.insert(c, run, persons);
            analyze.execute("analyze");
        }
    }

    /** Waits until no smart-enrolment run is left; answers the seconds since {@code start}. */
    private double settle(long start) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            expect(management.createJobQuery().processDefinitionKey("smart-enrolment").withException().count() == 0,
                    "a smart-enrolment job failed");
            if (runtime.createProcessInstanceQuery().processDefinitionKey("smart-enrolment").count() == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The smart-enrolment run did not end in 30 minutes");
    }

    private long enrolled(long course, long segment) {
        return jdbc.queryForObject("""
                select count(*) from enrolment e join enrolment_source s on s.enrolment_id = e.id
                where e.course_id = ? and s.source = ? and e.status = 'ENROLLED'""", Long.class, course,
                "SEGMENT:" + segment);
    }

    private long unenrolled(long course) {
        return jdbc.queryForObject("select count(*) from enrolment where course_id = ? and status = 'UNENROLLED'",
                Long.class, course);
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }
}
