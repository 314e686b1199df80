package io.muster.rosterops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Copies into a nearly full session race learners booking it themselves: seats never exceed capacity. */
@IntegrationTest
class RosterCopyConcurrencyIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @Test
    void bulkCopiesAndBookingsAtOnceNeverOverfillTheSession() throws Exception {
        String manager = api.createPerson(Api.unique("enrolmgr"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        long course = fixtures.course(true); // learners stay in the source session: several sessions per learner
        long source = fixtures.session(course, 20, false, false, Map.of());
        int capacity = 6;
        long target = fixtures.session(course, capacity, false, false, Map.of());
        for (int i = 0; i < 3; i++) {
            assertThat(fixtures.book(fixtures.learner(), target).status()).isEqualTo(201);
        }
        List<Long> copied = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copied.add(fixtures.book(fixtures.learner(), source).body().get("id").asLong());
        }
        List<String> bookers = IntStream.range(0, 6).mapToObj(i -> fixtures.learner()).toList();

        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (List<Long> half : List.of(copied.subList(0, 4), copied.subList(4, 8))) {
            calls.add(() -> {
                go.await();
                return api.post(manager, Api.passwordOf(manager), "/api/sessions/" + source + "/roster/copy",
                        Map.of("targetSessionId", target, "registrationIds", half, "status", "REGISTERED"));
            });
        }
        for (String learner : bookers) {
            calls.add(() -> {
                go.await();
                return fixtures.book(learner, target);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<Future<Api.Response>> futures = calls.stream().map(pool::submit).toList();
        go.countDown();
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            answers.add(f.get());
        }
        pool.shutdown();

        int seatsByCopy = 0;
        for (Api.Response copy : answers.subList(0, 2)) {
            assertThat(copy.status()).as(copy.text()).isEqualTo(200);
            for (JsonNode line : copy.body().get("copied")) {
                assertThat(line.get("status").asText()).isEqualTo("REGISTERED");
                seatsByCopy++;
            }
            assertThat(copy.body().get("refused")).allSatisfy(line ->
                    assertThat(line.get("reason").asText()).isEqualTo("Session full"));
            assertThat(copy.body().get("copied").size() + copy.body().get("refused").size()).isEqualTo(4);
        }
        long seatsByBooking = answers.subList(2, answers.size()).stream().filter(r -> r.status() == 201).count();
        assertThat(answers.subList(2, answers.size())).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(seatsByCopy + seatsByBooking).isEqualTo(capacity - 3);

        JsonNode roster = api.asAdmin(HttpMethod.GET, "/api/sessions/" + target + "/roster", null).body();
        assertThat(roster.get("seatsTaken").asInt()).isEqualTo(capacity);
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ? and status = 'REGISTERED'",
                Integer.class, target)).isEqualTo(capacity);
    }
}
