package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.MusterApplication;
import io.muster.support.Api;
import io.muster.support.Concurrently;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seats never exceed capacity and the queue keeps its order under many simultaneous requests,
 * on one node and on two nodes sharing the PostgreSQL database. Real threads, real HTTP.
 */
@IntegrationTest
class ConcurrentBookingIT {

    /**
     * A second node: the same application on the same database, with an engine of its own. It
     * serves Muster's API only: Camunda's webapps keep JVM-wide state that two nodes in one JVM
     * would share (on real nodes each has its own JVM).
     */
    static ConfigurableApplicationContext secondNode;

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startSecondNode() {
        EmbeddedServices.start();
        List<String> arguments = new ArrayList<>(EmbeddedServices.nodeArguments());
        arguments.addAll(List.of("--server.port=0", "--camunda.bpm.process-engine-name=node2",
                "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration"));
        secondNode = new SpringApplicationBuilder(MusterApplication.class).profiles("postgres")
                .run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    private String node(int i) {
        int p = i % 2 == 0 ? port : Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
        return "http://localhost:" + p;
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer post(String base, String user, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + Api.passwordOf(user)).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : json.readTree(response.body()));
    }

    private List<Answer> together(List<Callable<Answer>> calls) throws Exception {
        return Concurrently.run(calls);
    }

    private int seatsTaken(long session) {
        return jdbc.queryForObject("select seats_taken from training_session where id = ?", Integer.class, session);
    }

    private long statusCount(long session, String status) {
        return jdbc.queryForObject("select count(*) from registration where session_id = ? and status = ?", Long.class,
                session, status);
    }

    @Test
    void fiftySimultaneousBookingsForFiveSeatsGiveFiveSeatsAndFortyFiveOnTheWaitingList() throws Exception {
        long session = fixtures.session(5, true, false);
        List<String> learners = IntStream.range(0, 50).mapToObj(i -> fixtures.learner()).toList();

        List<Answer> answers = together(learners.stream().<Callable<Answer>>map(l ->
                () -> post(node(0), l, "/api/sessions/" + session + "/registrations")).toList());

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers).filteredOn(a -> a.body().get("status").asText().equals("REGISTERED")).hasSize(5);
        assertThat(answers).filteredOn(a -> a.body().get("status").asText().equals("WAITING_LIST")).hasSize(45);
        assertThat(seatsTaken(session)).isEqualTo(5);
        assertThat(statusCount(session, "REGISTERED")).isEqualTo(5);
    }

    @Test
    void onTwoNodesTheLastSeatsGoToExactlyAsManyBookersAndTheRestHearSessionFull() throws Exception {
        long session = fixtures.session(4, false, false);
        List<String> learners = IntStream.range(0, 40).mapToObj(i -> fixtures.learner()).toList();

        List<Answer> answers = together(IntStream.range(0, learners.size()).<Callable<Answer>>mapToObj(i ->
                () -> post(node(i), learners.get(i), "/api/sessions/" + session + "/registrations")).toList());

        assertThat(answers).extracting(Answer::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(4);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.body().get("detail").asText()).isEqualTo("Session full"));
        assertThat(seatsTaken(session)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ?", Long.class, session))
                .isEqualTo(4);
    }

    @Test
    void bookingsOnTwoNodesEachStartExactlyOneRegistrationProcess() throws Exception {
        long session = fixtures.session(10, true, false);
        List<String> learners = IntStream.range(0, 30).mapToObj(i -> fixtures.learner()).toList();

        List<Answer> answers = together(IntStream.range(0, learners.size()).<Callable<Answer>>mapToObj(i ->
                () -> post(node(i), learners.get(i), "/api/sessions/" + session + "/registrations")).toList());

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        // each booking started its process in its own transaction, on whichever node took it
        List<Long> perRegistration = jdbc.queryForList("""
                select (select count(*) from act_hi_procinst p
                        where p.proc_def_key_ = 'registration' and p.business_key_ = cast(r.id as varchar))
                from registration r where r.session_id = ?""", Long.class, session);
        assertThat(perRegistration).hasSize(30).containsOnly(1L);
    }

    @Test
    void simultaneousCancellationsOnTwoNodesOfferTheSeatsToTheHeadOfTheQueueInOrder() throws Exception {
        long session = fixtures.session(3, true, false);
        List<String> seated = IntStream.range(0, 3).mapToObj(i -> fixtures.learner()).toList();
        List<Long> seats = new ArrayList<>();
        for (String learner : seated) {
            seats.add(fixtures.book(learner, session).body().get("id").asLong());
        }
        List<Long> queue = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String learner = fixtures.learner();
            queue.add(fixtures.book(learner, session).body().get("id").asLong());
        }

        List<Answer> answers = together(IntStream.range(0, 3).<Callable<Answer>>mapToObj(i ->
                () -> post(node(i), seated.get(i), "/api/registrations/" + seats.get(i) + "/cancel")).toList());

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        List<Long> invited = jdbc.queryForList(
                "select id from registration where session_id = ? and status = 'INVITED' order by id", Long.class, session);
        assertThat(invited).containsExactlyElementsOf(queue.subList(0, 3));
        assertThat(statusCount(session, "WAITING_LIST")).isEqualTo(3);
        assertThat(seatsTaken(session)).as("the freed seats are held for the offers").isEqualTo(3);
    }

    @Test
    void aLearnerWhoClicksTenTimesAtOnceIsRegisteredOnce() throws Exception {
        long session = fixtures.session(10, true, false);
        String learner = fixtures.learner();

        List<Answer> answers = together(IntStream.range(0, 10).<Callable<Answer>>mapToObj(i ->
                () -> post(node(i), learner, "/api/sessions/" + session + "/registrations")).toList());

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(a -> a.status() != 201).extracting(Answer::status).containsOnly(409);
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ?", Long.class, session))
                .isOne();
        assertThat(seatsTaken(session)).isOne();
    }

}
