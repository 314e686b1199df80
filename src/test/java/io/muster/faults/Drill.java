package io.muster.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.Concurrently;
import io.muster.support.EmbeddedServices;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fault drill's stage: Muster nodes, each its own JVM from the built jar, on a PostgreSQL of the
 * drill's own (no other test's engine runs jobs on it) and the tests' mail server; a session and
 * learners to book it; and the checks that nothing a node answered 201 for was lost.
 */
final class Drill implements AutoCloseable {

    static final String ADMIN = "faultadmin";
    static final String ADMIN_PASSWORD = "faultadmin-password";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> nodes = new ArrayList<>();
    private final Path dataDirectory;
    private final int postgresPort;
    private EmbeddedPostgres postgres;
    final JdbcTemplate jdbc;

    record Answer(int status, String body, String contentType, String retryAfter) {
    }

    Drill() throws IOException {
        EmbeddedServices.start();
        dataDirectory = Files.createTempDirectory("muster-drill");
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start();
        postgresPort = postgres.getPort();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(), "postgres", "postgres"));
    }

    private String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Stops the drill's PostgreSQL, keeps it down while {@code whileDown} runs, and starts it again on the same port and data. */
    synchronized void restartPostgres(Runnable whileDown) throws IOException {
        postgres.close();
        whileDown.run();
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setPort(postgresPort).start();
    }

    /**
     * Starts a node on a free port with the given job lock and settings of its own
     * ("--name=value", replacing the drill's); returns the port. {@link #awaitHealthy} waits for it.
     */
    int node(String name, Duration jobLock, String... settings) throws IOException {
        int port = EmbeddedServices.freePort();
        File jar = Files.list(Path.of("target")).map(Path::toFile)
                .filter(f -> f.getName().matches("muster-.*\\.jar") && !f.getName().endsWith("-plain.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw package"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getAbsolutePath(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--camunda.bpm.admin-user.id=" + ADMIN,
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--camunda.bpm.job-execution.lock-time-in-millis=" + jobLock.toMillis()));
        List<String> own = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl()));
        own.addAll(List.of(settings));
        EmbeddedServices.nodeArguments().stream()
                .filter(argument -> own.stream().noneMatch(o -> o.startsWith(argument.substring(0, argument.indexOf('=') + 1))))
                .forEach(command::add);
        command.addAll(own);
        nodes.add(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "node-" + name + ".log").toFile()).start());
        return port;
    }

    /** Two nodes, "name-a" and "name-b", started together; their ports once both are healthy. */
    int[] twoNodes(String name, Duration jobLock, String... settings) throws IOException {
        int a = node(name + "-a", jobLock, settings);
        int b = node(name + "-b", jobLock, settings);
        awaitHealthy(a);
        awaitHealthy(b);
        return new int[] {a, b};
    }

    Process process(int index) {
        return nodes.get(index);
    }

    void awaitHealthy(int port) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    /** A published session with a waiting list. */
    long session(int port, String code, int capacity) throws IOException {
        long session = draft(port, code, capacity);
        assertThat(post(port, ADMIN, ADMIN_PASSWORD, "/api/sessions/" + session + "/publish", null).status())
                .isEqualTo(200);
        return session;
    }

    /** A draft session with a waiting list, of a course of its own. */
    long draft(int port, String code, int capacity) throws IOException {
        long course = id(post(port, ADMIN, ADMIN_PASSWORD, "/api/courses", Map.of("code", code + System.nanoTime(),
                "title", "Fault drill", "kind", "ILT", "required", false, "enrolmentMethod", "SELF")));
        long session = id(post(port, ADMIN, ADMIN_PASSWORD, "/api/sessions", Map.of("courseId", course,
                "title", "Drill", "startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(9)
                        .truncatedTo(ChronoUnit.MINUTES).toString(), "timeZone", "Europe/London",
                "durationMinutes", 60, "type", "IN_PERSON", "location", "Room 7", "waitingList", true,
                "approvalRequired", false, "capacity", capacity)));
        return session;
    }

    /** Learners whose password is their username followed by "-pw", created on the given nodes in turn. */
    List<String> learners(String prefix, int count, int... ports) throws IOException {
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = prefix + System.nanoTime() + "x" + i;
            Answer created = post(ports[i % ports.length], ADMIN, ADMIN_PASSWORD, "/api/people", Map.of(
                    "username", username, "password", username + "-pw", "name", "Drill " + i,
                    "email", username + "@example.org", "employmentType", "EMPLOYEE", "timeZone", "Europe/London",
                    "department", "Operations", "jobRole", "Technician", "location", "London",
                    "groups", List.of("learners")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            learners.add(username);
        }
        return learners;
    }

    Answer book(int port, String learner, long session) throws IOException {
        return post(port, learner, learner + "-pw", "/api/sessions/" + session + "/registrations", null);
    }

    long id(Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        return json.readTree(answer.body()).get("id").asLong();
    }

    /**
     * Every accepted booking is on the roster with its process; seats never exceed capacity and
     * match the registered; the waiting list has no one twice. Returns the session's registrations.
     */
    List<Long> assertNothingLost(long session, int capacity, Collection<Long> accepted) {
        List<Long> rostered = jdbc.queryForList("select id from registration where session_id = ?", Long.class, session);
        assertThat(rostered).containsAll(accepted);
        Map<String, Object> seats = jdbc.queryForMap("select seats_taken from training_session where id = ?", session);
        int taken = ((Number) seats.get("seats_taken")).intValue();
        assertThat(taken).isLessThanOrEqualTo(capacity);
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ? and status = 'REGISTERED'",
                Long.class, session)).isEqualTo(taken);
        List<Long> withoutProcess = jdbc.queryForList("""
                select r.id from registration r where r.session_id = ? and not exists (
                  select 1 from act_hi_procinst p where p.proc_def_key_ = 'registration'
                  and p.business_key_ = cast(r.id as varchar))""", Long.class, session);
        assertThat(withoutProcess).as("registrations without a process").isEmpty();
        assertThat(inStatus(session, "WAITING_LIST")).doesNotHaveDuplicates();
        return rostered;
    }

    /** The session's registrations in the status, in queue order: first come, first served. */
    List<Long> inStatus(long session, String status) {
        return jdbc.queryForList("select id from registration where session_id = ? and status = ?"
                + " order by requested_at, id", Long.class, session, status);
    }

    /** Waits until no mail job of the session's registrations is left; returns how many registrations were mailed. */
    long awaitMailed(long session, Duration atMost) {
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(2))
                    .until(() -> jdbc.queryForObject("select count(*) " + SESSION_MAIL_JOBS, Long.class, session) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // what the jobs left say about why: retries, lock, due date, last error
            jdbc.queryForList("select j.id_, j.retries_, j.lock_owner_, j.lock_exp_time_, j.duedate_,"
                    + " j.exception_msg_ " + SESSION_MAIL_JOBS + " limit 10", session)
                    .forEach(job -> System.out.println("Drill: mail job left " + job));
            throw e;
        }
        return jdbc.queryForObject("""
                select count(distinct n.registration_id) from notification n join registration r on r.id = n.registration_id
                where r.session_id = ? and n.status = 'SENT'""", Long.class, session);
    }

    /** The session's mail jobs that have failed at least once and wait for another try. */
    long failedMailJobs(long session) {
        return jdbc.queryForObject("select count(*) " + SESSION_MAIL_JOBS + " and j.exception_msg_ is not null",
                Long.class, session);
    }

    /** The Message-IDs of the mails the mail server received for recipients whose address starts so, once per delivery. */
    static List<String> messageIdsTo(String prefix) throws jakarta.mail.MessagingException {
        List<String> ids = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage message : EmbeddedServices.mail().getReceivedMessages()) {
            String to = message.getHeader("To", ",");
            if (to != null && to.startsWith(prefix)) {
                ids.add(message.getMessageID());
            }
        }
        return ids;
    }

    /** One step of a drill's load, for the i-th learner. */
    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs the steps 0..count-1 on the given number of clients, each taking the next step; fails if one does. */
    static void inParallel(int count, int clients, Step step) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Callable<Void> client = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                step.run(i);
            }
            return null;
        };
        Concurrently.run(java.util.Collections.nCopies(clients, client));
    }

    private static final String SESSION_MAIL_JOBS = """
            from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
            join registration r on cast(r.id as varchar) = e.business_key_
            where r.session_id = ? and j.handler_type_ = 'async-continuation'""";

    Answer post(int port, String user, String password, String path, Object body) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json");
            request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        nodes.forEach(Process::destroyForcibly);
        for (Process node : nodes) {
            try {
                node.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        postgres.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(dataDirectory);
    }
}
