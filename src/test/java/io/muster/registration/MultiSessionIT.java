package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.registration.internal.RegistrationProcess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import io.muster.support.Api;
import io.muster.support.Concurrently;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Courses with one or several sessions per learner: the one-session rule, admin registration into
 * several sessions at once, swaps (also racing), unenrolment. Portal switch on, as in every
 * integration test.
 */
@IntegrationTest
class MultiSessionIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    private int seatsTaken(long session) {
        return jdbc.queryForObject("select seats_taken from training_session where id = ?", Integer.class, session);
    }

    private String status(long registration) {
        return jdbc.queryForObject("select status from registration where id = ?", String.class, registration);
    }

    private List<String> statusesOf(String learner) {
        return jdbc.queryForList("select r.status from registration r join person p on p.id = r.person_id"
                + " where p.username = ? order by r.id", String.class, learner);
    }

    private long registrationIn(long session, String learner) {
        return jdbc.queryForObject("select r.id from registration r join person p on p.id = r.person_id"
                + " where p.username = ? and r.session_id = ? and r.status = 'REGISTERED'", Long.class, learner, session);
    }

    private long booked(String learner, long session) {
        Api.Response r = fixtures.book(learner, session);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private Api.Response swap(long registration, long toSession) {
        return api.asAdmin(HttpMethod.POST, "/api/registrations/" + registration + "/swap", Map.of("sessionId", toSession));
    }

    /** Its process runs: a registration made in a request starts it right after the commit. */
    private boolean processRunning(long registration) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .processInstanceBusinessKey(Long.toString(registration)).count() > 0;
    }

    /** Its process took the cancellation: it waits for no message and no timer (at most for its mail). */
    private boolean processEnding(long registration) {
        var started = history.createHistoricProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .processInstanceBusinessKey(Long.toString(registration)).singleResult();
        if (started == null) {
            return true; // cancelled before its process started: nothing waits
        }
        String instance = started.getId();
        return runtime.createEventSubscriptionQuery().processInstanceId(instance).count() == 0
                && management.createJobQuery().processInstanceId(instance).timers().count() == 0;
    }

    @Test
    void aSecondSessionOfAOneSessionCourseIsRefusedButAMultiSessionCourseTakesSeveral() {
        long single = fixtures.course(false);
        long a = fixtures.session(single, 5, false);
        long b = fixtures.session(single, 5, false);
        long multi = fixtures.course(true);
        long c = fixtures.session(multi, 5, false);
        long d = fixtures.session(multi, 5, false);
        String learner = fixtures.learner();

        booked(learner, a);
        Api.Response second = fixtures.book(learner, b);
        booked(learner, c);
        booked(learner, d);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.body().get("detail").asText()).contains("allows one session per learner");
        assertThat(seatsTaken(b)).isZero();
        assertThat(statusesOf(learner)).containsExactly("REGISTERED", "REGISTERED", "REGISTERED");
    }

    @Test
    void anInvitationIntoASecondSessionOfAOneSessionCourseIsRefusedToo() {
        long course = fixtures.course(false);
        long open = fixtures.session(course, 5, false);
        long draft = fixtures.draft(course, 5, false, false, Map.of());
        String learner = fixtures.learner();
        booked(learner, open);

        Api.Response invited = api.asAdmin(HttpMethod.POST, "/api/sessions/" + draft + "/invitees",
                Map.of("usernames", List.of(learner)));

        assertThat(invited.status()).isEqualTo(409);
        assertThat(invited.body().get("detail").asText()).contains("allows one session per learner");
        assertThat(statusesOf(learner)).containsExactly("REGISTERED");
    }

    @Test
    void anAdminRegistersSeveralLearnersIntoSeveralSessionsInOneRequest() {
        long course = fixtures.course(true);
        long a = fixtures.session(course, 5, false);
        long b = fixtures.session(course, 1, true);
        String first = fixtures.learner();
        String second = fixtures.learner();

        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/registrations",
                Map.of("usernames", List.of(first, second), "sessionIds", List.of(a, b)));

        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.body()).hasSize(4);
        assertThat(r.body()).allSatisfy(x -> assertThat(x.get("method").asText()).isEqualTo("ADMIN"));
        assertThat(statusesOf(first)).containsExactly("REGISTERED", "REGISTERED");
        assertThat(statusesOf(second)).containsExactly("REGISTERED", "WAITING_LIST");
    }

    @Test
    void anAdminRequestThatCannotRegisterEveryoneRegistersNobody() {
        long course = fixtures.course(true);
        long a = fixtures.session(course, 5, false);
        long full = fixtures.session(course, 1, false);
        String first = fixtures.learner();
        String second = fixtures.learner();

        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/registrations",
                Map.of("usernames", List.of(first, second), "sessionIds", List.of(a, full)));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("detail").asText()).isEqualTo("Session full");
        assertThat(statusesOf(first)).isEmpty();
        assertThat(statusesOf(second)).isEmpty();
        assertThat(seatsTaken(a)).isZero();
        assertThat(seatsTaken(full)).isZero();
    }

    @Test
    void anAdminTurnsThePortalSwitchOffAndOnAtRuntimeAndBookingsFollowAtOnce() {
        long course = fixtures.course(true);
        long a = fixtures.session(course, 5, false);
        long b = fixtures.session(course, 5, false);
        String learner = fixtures.learner();
        Api.Response initial = api.asAdmin(HttpMethod.GET, "/api/settings/multiple-session-enrolment", null);
        assertThat(initial.body().get("enabled").asBoolean()).isTrue(); // the tests' configured default
        assertThat(initial.body().get("configuredDefault").asBoolean()).isTrue();
        try {
            Api.Response off = api.asAdmin(HttpMethod.PUT, "/api/settings/multiple-session-enrolment",
                    Map.of("enabled", false));
            assertThat(off.status()).as(off.text()).isEqualTo(200);
            assertThat(off.body().get("enabled").asBoolean()).isFalse();
            assertThat(jdbc.queryForObject("select multiple_session_enrolment from portal_setting", Boolean.class))
                    .isFalse();

            Api.Response refused = api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/registrations",
                    Map.of("usernames", List.of(learner), "sessionIds", List.of(a, b)));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(statusesOf(learner)).isEmpty();

            api.asAdmin(HttpMethod.PUT, "/api/settings/multiple-session-enrolment", Map.of("enabled", true));
            Api.Response allowed = api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/registrations",
                    Map.of("usernames", List.of(learner), "sessionIds", List.of(a, b)));
            assertThat(allowed.status()).as(allowed.text()).isEqualTo(201);
            assertThat(statusesOf(learner)).containsExactly("REGISTERED", "REGISTERED");
        } finally {
            api.asAdmin(HttpMethod.PUT, "/api/settings/multiple-session-enrolment", Map.of("enabled", true));
        }
    }

    @Test
    void onlyAdminsChangeThePortalSwitchAndAMissingValueChangesNothing() {
        String learner = fixtures.learner();
        Api.Response byLearner = api.put(learner, Api.passwordOf(learner), "/api/settings/multiple-session-enrolment",
                Map.of("enabled", false));
        Api.Response empty = api.asAdmin(HttpMethod.PUT, "/api/settings/multiple-session-enrolment", Map.of());

        assertThat(byLearner.status()).isEqualTo(403);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").get(0).get("field").asText()).isEqualTo("enabled");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/settings/multiple-session-enrolment", null).body()
                .get("enabled").asBoolean()).isTrue();
    }

    @Test
    void severalSessionsOfAOneSessionCourseInOneRequestAreRefused() {
        long course = fixtures.course(false);
        long a = fixtures.session(course, 5, false);
        long b = fixtures.session(course, 5, false);

        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses/" + course + "/registrations",
                Map.of("usernames", List.of(fixtures.learner()), "sessionIds", List.of(a, b)));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("errors").get(0).get("field").asText()).isEqualTo("sessionIds");
        assertThat(seatsTaken(a) + seatsTaken(b)).isZero();
    }

    @Test
    void aSwapMovesTheSeatEndsOneProcessStartsAnotherAndOffersTheFreedSeat() {
        long course = fixtures.course(false);
        long from = fixtures.session(course, 1, true);
        long to = fixtures.session(course, 3, false);
        String learner = fixtures.learner();
        long old = booked(learner, from);
        String queued = fixtures.learner();
        long waiting = booked(queued, from);

        Api.Response swapped = swap(old, to);

        assertThat(swapped.status()).as(swapped.text()).isEqualTo(200);
        long moved = swapped.body().get("id").asLong();
        assertThat(swapped.body().get("sessionId").asLong()).isEqualTo(to);
        assertThat(swapped.body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(status(old)).isEqualTo("CANCELLED");
        assertThat(processEnding(old)).isTrue();
        assertThat(processRunning(moved)).isTrue();
        assertThat(seatsTaken(to)).isOne();
        assertThat(status(waiting)).as("the freed seat is offered to the waiting list").isEqualTo("INVITED");
        assertThat(seatsTaken(from)).as("held for the offer").isOne();
    }

    @Test
    void aSwapIntoAFullSessionChangesNothing() {
        long course = fixtures.course(false);
        long from = fixtures.session(course, 3, false);
        long to = fixtures.session(course, 1, true);
        booked(fixtures.learner(), to);
        String learner = fixtures.learner();
        long old = booked(learner, from);

        Api.Response refused = swap(old, to);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).startsWith("Session full");
        assertThat(status(old)).isEqualTo("REGISTERED");
        assertThat(processEnding(old)).isFalse();
        assertThat(statusesOf(learner)).containsExactly("REGISTERED");
        assertThat(seatsTaken(from)).isOne();
        assertThat(seatsTaken(to)).isOne();
    }

    @Test
    void onlyAdminsSwapAndOnlyWithinTheCourse() {
        long course = fixtures.course(false);
        long from = fixtures.session(course, 3, false);
        long elsewhere = fixtures.session(5, false, false);
        String learner = fixtures.learner();
        long old = booked(learner, from);

        Api.Response otherCourse = swap(old, elsewhere);
        Api.Response byLearner = api.post(learner, Api.passwordOf(learner), "/api/registrations/" + old + "/swap",
                Map.of("sessionId", from));

        assertThat(otherCourse.status()).isEqualTo(409);
        assertThat(otherCourse.body().get("detail").asText()).contains("same course");
        assertThat(byLearner.status()).isEqualTo(403);
        assertThat(status(old)).isEqualTo("REGISTERED");
    }

    @Test
    void unenrollingFromOneSessionKeepsTheOthersAndOffersTheSeat() {
        long course = fixtures.course(true);
        long a = fixtures.session(course, 1, true);
        long b = fixtures.session(course, 5, false);
        String learner = fixtures.learner();
        long inA = booked(learner, a);
        long inB = booked(learner, b);
        long waiting = booked(fixtures.learner(), a);

        Api.Response unenrolled = api.asAdmin(HttpMethod.POST, "/api/registrations/" + inA + "/cancel",
                Map.of("reason", "Unenrolled by the admin"));

        assertThat(unenrolled.status()).isEqualTo(200);
        assertThat(status(inA)).isEqualTo("CANCELLED");
        assertThat(status(inB)).isEqualTo("REGISTERED");
        assertThat(status(waiting)).isEqualTo("INVITED");
    }

    @Test
    void racingSwapsNeverOverfillNeverLoseASeatAndNeverDeadlock() throws Exception {
        long course = fixtures.course(false);
        long a = fixtures.session(course, 10, false);
        long b = fixtures.session(course, 6, false);
        List<String> inA = IntStream.range(0, 8).mapToObj(i -> fixtures.learner()).toList();
        List<String> inB = IntStream.range(0, 4).mapToObj(i -> fixtures.learner()).toList();
        List<Long> fromA = inA.stream().map(l -> booked(l, a)).toList();
        List<Long> fromB = inB.stream().map(l -> booked(l, b)).toList();

        // 8 want to go to b (2 seats free there, 4 more as b's learners leave), 4 want to go to a
        List<Callable<Api.Response>> calls = new java.util.ArrayList<>();
        fromA.forEach(r -> calls.add(() -> swap(r, b)));
        fromB.forEach(r -> calls.add(() -> swap(r, a)));
        List<Api.Response> answers = Concurrently.run(calls);

        assertThat(answers).extracting(Api.Response::status).containsOnly(200, 409);
        assertThat(answers.subList(8, 12)).as("a has room for everyone from b")
                .extracting(Api.Response::status).containsOnly(200);
        long movedToB = answers.subList(0, 8).stream().filter(x -> x.status() == 200).count();
        assertThat(movedToB).isBetween(2L, 6L);
        assertThat(seatsTaken(b)).isEqualTo((int) movedToB);
        assertThat(seatsTaken(a)).isEqualTo(8 - (int) movedToB + 4);
        for (String learner : concat(inA, inB)) {
            assertThat(statusesOf(learner)).as("exactly one seat for " + learner)
                    .filteredOn("REGISTERED"::equals).hasSize(1);
        }
        for (int i = 0; i < 8; i++) {
            long registered = registrationIn(answers.get(i).status() == 200 ? b : a, inA.get(i));
            assertThat(processRunning(registered)).isTrue();
        }
    }

    private static List<String> concat(List<String> one, List<String> other) {
        return java.util.stream.Stream.concat(one.stream(), other.stream()).toList();
    }
}
