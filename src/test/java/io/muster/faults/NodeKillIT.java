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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.EmbeddedServices;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two Muster nodes, each its own JVM from the built jar, share one PostgreSQL; learners book on
 * both, and one node is killed with SIGKILL halfway. Afterwards every booking answered 201 is on the
 * roster with its process, seats never exceed capacity, the surviving node answered no 5xx, and
 * the confirmation mails the dead node had claimed are sent by the survivor once their lock expires.
 * Sizes: {@code -Dfaults.bookings} (default 120) and {@code -Dfaults.clients} (default 6).
 */
class NodeKillIT {

    private static final String ADMIN = "faultadmin";
    private static final String ADMIN_PASSWORD = "faultadmin-password";
    private static final int BOOKINGS = Integer.getInteger("faults.bookings", 120);
    private static final int CLIENTS = Integer.getInteger("faults.clients", 6);
    /** How long a node's job lock lasts here: the survivor takes over the dead node's jobs after it. */
    private static final Duration LOCK = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> nodes = new ArrayList<>();

    private record Answer(int status, String body) {
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void aNodeKilledWhileLearnersBookLosesNoAcceptedBookingAndTheSurvivorFinishesItsWork() throws Exception {
        EmbeddedServices.start();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(EmbeddedServices.jdbcUrl(), "postgres",
                "postgres"));
        int portA = EmbeddedServices.freePort();
        int portB = EmbeddedServices.freePort();
        Process nodeA = start(portA, "a");
        Process nodeB = start(portB, "b");
        awaitHealthy(portA);
        awaitHealthy(portB);

        long course = id(post(portA, ADMIN, ADMIN_PASSWORD, "/api/courses", Map.of("code", "KILL" + System.nanoTime(),
                "title", "Node kill drill", "kind", "ILT", "required", false, "enrolmentMethod", "SELF")));
        int capacity = BOOKINGS / 3;
        long session = id(post(portA, ADMIN, ADMIN_PASSWORD, "/api/sessions", Map.of("courseId", course,
                "title", "Drill", "startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(9)
                        .truncatedTo(ChronoUnit.MINUTES).toString(), "timeZone", "Europe/London",
                "durationMinutes", 60, "type", "IN_PERSON", "location", "Room 7", "waitingList", true,
                "approvalRequired", false, "capacity", capacity)));
        assertThat(post(portA, ADMIN, ADMIN_PASSWORD, "/api/sessions/" + session + "/publish", null).status())
                .isEqualTo(200);
        List<String> learners = new ArrayList<>();
        for (int i = 0; i < BOOKINGS; i++) {
            String username = "kill" + System.nanoTime() + "x" + i;
            Answer created = post(i % 2 == 0 ? portA : portB, ADMIN, ADMIN_PASSWORD, "/api/people", Map.of(
                    "username", username, "password", username + "-pw", "name", "Drill " + i,
                    "email", username + "@example.org", "employmentType", "EMPLOYEE", "timeZone", "Europe/London",
                    "department", "Operations", "jobRole", "Technician", "location", "London",
                    "groups", List.of("learners")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            learners.add(username);
        }

        // learners book on both nodes; node A dies with SIGKILL halfway through
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        List<Integer> survivorErrors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            work.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < BOOKINGS; i = next.getAndIncrement()) {
                    if (i == BOOKINGS / 2) {
                        nodeA.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no lock released
                    }
                    String learner = learners.get(i);
                    boolean onA = i % 2 == 0 && nodeA.isAlive();
                    Answer answer;
                    try {
                        answer = post(onA ? portA : portB, learner, learner + "-pw",
                                "/api/sessions/" + session + "/registrations", null);
                    } catch (IOException e) {
                        answers.put(learner, -1); // the connection died with the node: not accepted
                        continue;
                    }
                    answers.put(learner, answer.status());
                    if (answer.status() == 201) {
                        accepted.put(learner, json.readTree(answer.body()).get("id").asLong());
                    }
                    if (!onA && answer.status() >= 500) {
                        survivorErrors.add(answer.status());
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        nodeA.waitFor(30, TimeUnit.SECONDS);
        assertThat(nodeA.isAlive()).isFalse();

        System.out.printf("NodeKillIT: %d bookings tried, %d accepted (201), %d refused or cut off; answers %s%n",
                BOOKINGS, accepted.size(), BOOKINGS - accepted.size(), summary(answers));
        assertThat(survivorErrors).as("5xx answers of the surviving node").isEmpty();
        assertThat(accepted).as("most bookings were accepted").hasSizeGreaterThan(BOOKINGS / 2);

        // every accepted booking is on the roster, with its process, and seats never exceed capacity
        List<Long> rostered = jdbc.queryForList("select id from registration where session_id = ?", Long.class, session);
        assertThat(rostered).containsAll(accepted.values());
        Map<String, Object> seats = jdbc.queryForMap("select capacity, seats_taken from training_session where id = ?",
                session);
        assertThat(((Number) seats.get("seats_taken")).intValue()).isLessThanOrEqualTo(capacity);
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ? and status = 'REGISTERED'",
                Long.class, session)).isEqualTo(((Number) seats.get("seats_taken")).longValue());
        List<Long> withoutProcess = jdbc.queryForList("""
                select r.id from registration r where r.session_id = ? and not exists (
                  select 1 from act_hi_procinst p where p.proc_def_key_ = 'registration'
                  and p.business_key_ = cast(r.id as varchar))""", Long.class, session);
        assertThat(withoutProcess).as("registrations without a process").isEmpty();
        // the waiting list keeps its order: first come, first served, one place each
        List<Long> queue = jdbc.queryForList("""
                select id from registration where session_id = ? and status = 'WAITING_LIST'
                order by requested_at, id""", Long.class, session);
        assertThat(queue).doesNotHaveDuplicates();

        // the confirmation mails the dead node had claimed are sent by the survivor after their lock
        Awaitility.await().atMost(LOCK.multipliedBy(3).plusSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> jdbc.queryForObject("""
                        select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                        join registration r on cast(r.id as varchar) = e.business_key_
                        where r.session_id = ? and j.handler_type_ = 'async-continuation'""", Long.class, session) == 0);
        long mailed = jdbc.queryForObject("""
                select count(distinct n.registration_id) from notification n join registration r on r.id = n.registration_id
                where r.session_id = ? and n.status = 'SENT'""", Long.class, session);
        System.out.printf("NodeKillIT: %d registrations, %d mailed once the survivor took over%n", rostered.size(),
                mailed);
        assertThat(mailed).isEqualTo(rostered.size());
        assertThat(nodeB.isAlive()).isTrue();
    }

    private static String summary(Map<String, Integer> answers) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        answers.values().forEach(status -> counts.merge(status, 1, Integer::sum));
        return counts.toString();
    }

    private Process start(int port, String name) throws IOException {
        File jar = Files.list(Path.of("target")).map(Path::toFile)
                .filter(f -> f.getName().matches("muster-.*\\.jar") && !f.getName().endsWith("-plain.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw package"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getAbsolutePath(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--camunda.bpm.admin-user.id=" + ADMIN,
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK.toMillis()));
        command.addAll(EmbeddedServices.nodeArguments());
        Process node = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "node-" + name + ".log").toFile())
                .start();
        nodes.add(node);
        return node;
    }

    private void awaitHealthy(int port) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private long id(Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
        return json.readTree(answer.body()).get("id").asLong();
    }

    private Answer post(int port, String user, String password, String path, Object body) throws IOException {
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
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
