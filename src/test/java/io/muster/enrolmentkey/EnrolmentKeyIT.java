package io.muster.enrolmentkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import io.muster.support.Api;
import io.muster.support.Concurrently;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Enrolment keys over HTTP on PostgreSQL: creation limits, all-or-nothing redemption, races. */
@IntegrationTest
class EnrolmentKeyIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    private static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    private Api.Response createKey(long course, List<Long> sessions, int maxUses) {
        return api.asAdmin(HttpMethod.POST, "/api/enrolment-keys", Map.of("courseId", course, "sessionIds", sessions,
                "maxUses", maxUses, "expiresAt", inDays(3)));
    }

    private String key(long course, List<Long> sessions, int maxUses) {
        Api.Response created = createKey(course, sessions, maxUses);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("code").asText();
    }

    private Api.Response redeem(String learner, String code) {
        return api.post(learner, Api.passwordOf(learner), "/api/enrolment-keys/" + code + "/redeem", null);
    }

    private long registrations(long session) {
        return jdbc.queryForObject("select count(*) from registration where session_id = ?", Long.class, session);
    }

    private long registrationsOf(String learner) {
        return jdbc.queryForObject("select count(*) from registration r join person p on p.id = r.person_id"
                + " where p.username = ?", Long.class, learner);
    }

    private int seatsTaken(long session) {
        return jdbc.queryForObject("select seats_taken from training_session where id = ?", Integer.class, session);
    }

    private int usesLeft(String code) {
        return api.asAdmin(HttpMethod.GET, "/api/enrolment-keys/" + code, null).body().get("usesLeft").asInt();
    }

    @Test
    void aKeyRegistersItsHolderIntoAllItsSessionsAtOnceWithMethodKey() {
        long course = fixtures.course(true);
        long first = fixtures.session(course, 5, false);
        long second = fixtures.session(course, 8, false);
        String code = key(course, List.of(second, first), 3);
        String learner = fixtures.learner();

        Api.Response redeemed = redeem(learner, code);

        assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
        assertThat(redeemed.body()).hasSize(2);
        redeemed.body().forEach(r -> {
            assertThat(r.get("status").asText()).isEqualTo("REGISTERED");
            assertThat(r.get("method").asText()).isEqualTo("KEY");
            assertThat(r.get("username").asText()).isEqualTo(learner);
        });
        assertThat(seatsTaken(first)).isOne();
        assertThat(seatsTaken(second)).isOne();
        assertThat(usesLeft(code)).isEqualTo(2);
        assertThat(code).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void aKeyWithMoreUsesThanTheFewestSeatsLeftIsRefusedWithThatNumber() {
        long course = fixtures.course(true);
        long roomy = fixtures.session(course, 10, false);
        long tight = fixtures.session(course, 4, false);
        fixtures.book(fixtures.learner(), tight);

        Api.Response refused = createKey(course, List.of(roomy, tight), 4);

        assertThat(refused.status()).isIn(400, 409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("at most 3");
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("maxUses");
        assertThat(jdbc.queryForObject("select count(*) from enrolment_key_session where session_id = ?", Long.class,
                tight)).isZero();
        assertThat(createKey(course, List.of(roomy, tight), 3).status()).isEqualTo(201);
    }

    @Test
    void aKeyForSeveralSessionsOfAOneSessionCourseIsRefused() {
        long course = fixtures.course(false);
        long one = fixtures.session(course, 5, false);
        long other = fixtures.session(course, 5, false);

        Api.Response refused = createKey(course, List.of(one, other), 2);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("does not allow enrolment in multiple sessions");
    }

    @Test
    void whenOneSessionIsFullTheLearnerIsRegisteredNowhereAndKeepsTheUse() {
        long course = fixtures.course(true);
        long open = fixtures.session(course, 5, false);
        long small = fixtures.session(course, 1, true);
        String code = key(course, List.of(open, small), 1);
        fixtures.book(fixtures.learner(), small);
        String learner = fixtures.learner();

        Api.Response refused = redeem(learner, code);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).startsWith("Session full");
        assertThat(registrationsOf(learner)).as("no partial registration, not even on the waiting list").isZero();
        assertThat(seatsTaken(open)).isZero();
        assertThat(usesLeft(code)).isOne();
    }

    @Test
    void aLearnerAlreadyInOneOfTheSessionsIsRegisteredInNoneOfThem() {
        long course = fixtures.course(true);
        long first = fixtures.session(course, 5, false);
        long second = fixtures.session(course, 5, false);
        String code = key(course, List.of(first, second), 2);
        String learner = fixtures.learner();
        fixtures.book(learner, second);

        Api.Response refused = redeem(learner, code);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("Already registered");
        assertThat(registrations(first)).isZero();
        assertThat(registrationsOf(learner)).isOne();
        assertThat(usesLeft(code)).isEqualTo(2);
    }

    @Test
    void aKeyNeverWorksPastItsUsesOrItsExpiry() {
        long course = fixtures.course(true);
        long session = fixtures.session(course, 10, false);
        String code = key(course, List.of(session), 1);
        assertThat(redeem(fixtures.learner(), code).status()).isEqualTo(201);

        String late = fixtures.learner();
        Api.Response usedUp = redeem(late, code);
        assertThat(usedUp.status()).isEqualTo(409);
        assertThat(usedUp.body().get("detail").asText()).isEqualTo("This key has no uses left");

        String expiring = key(course, List.of(session), 5);
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(Duration.ofDays(4))));
        Api.Response expired = redeem(late, expiring);
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.body().get("detail").asText()).startsWith("This key expired");
        assertThat(registrationsOf(late)).isZero();
    }

    @Test
    void anUnknownCodeIsNotFoundAndLearnersMayNotMakeKeys() {
        String learner = fixtures.learner();
        long course = fixtures.course(true);
        long session = fixtures.session(course, 5, false);

        assertThat(redeem(learner, "no-such-code").status()).isEqualTo(404);
        assertThat(api.post(learner, Api.passwordOf(learner), "/api/enrolment-keys", Map.of("courseId", course,
                "sessionIds", List.of(session), "maxUses", 1, "expiresAt", inDays(2))).status()).isEqualTo(403);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/enrolment-keys", Map.of("courseId", course,
                "sessionIds", List.of(), "maxUses", 0, "expiresAt", inDays(2))).body().get("errors")).hasSize(2);
    }

    @Test
    void twentyLearnersRacingForAFiveUseKeyOverTwoSessionsGiveExactlyFiveFullRegistrations() throws Exception {
        long course = fixtures.course(true);
        long first = fixtures.session(course, 5, false);
        long second = fixtures.session(course, 5, true);
        String code = key(course, List.of(first, second), 5);
        List<String> learners = IntStream.range(0, 20).mapToObj(i -> fixtures.learner()).toList();

        List<Api.Response> answers = Concurrently.run(learners.stream()
                .<Callable<Api.Response>>map(l -> () -> redeem(l, code)).toList());

        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(5);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.body().get("detail").asText()).isEqualTo("This key has no uses left"));
        assertThat(seatsTaken(first)).isEqualTo(5);
        assertThat(seatsTaken(second)).isEqualTo(5);
        assertThat(registrations(first)).isEqualTo(5);
        assertThat(registrations(second)).isEqualTo(5);
        for (int i = 0; i < learners.size(); i++) {
            assertThat(registrationsOf(learners.get(i))).as("both sessions or none")
                    .isEqualTo(answers.get(i).status() == 201 ? 2 : 0);
        }
        assertThat(usesLeft(code)).isZero();
    }
}
