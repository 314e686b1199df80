package io.muster.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Muster nodes, each its own JVM from the built jar, share one PostgreSQL; learners book on
 * both, and one node is killed with SIGKILL halfway. Afterwards every booking answered 201 is on the
 * roster with its process, seats never exceed capacity, the surviving node answered no 5xx, and
 * the mail jobs the dead node had locked are run by the survivor once their lock expires.
 * Sizes: {@code -Dfaults.bookings} (default 120) and {@code -Dfaults.clients} (default 6).
 */
class NodeKillIT {

    private static final int BOOKINGS = Integer.getInteger("faults.bookings", 120);
    private static final int CLIENTS = Integer.getInteger("faults.clients", 6);
    /** How long a node's job lock lasts here: the survivor takes over the dead node's jobs after it. */
    private static final Duration LOCK = Duration.ofSeconds(20);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aNodeKilledWhileLearnersBookLosesNoAcceptedBookingAndTheSurvivorFinishesItsWork() throws Exception {
        try (Drill drill = new Drill()) {
            int[] ports = drill.twoNodes("kill", LOCK);
            int portA = ports[0];
            int portB = ports[1];
            Process nodeA = drill.process(0);
            Process nodeB = drill.process(1);
            int capacity = BOOKINGS / 3;
            long session = drill.session(portA, "KILL", capacity);
            List<String> learners = drill.learners("kill", BOOKINGS, portA, portB);

            // learners book on both nodes; node A dies with SIGKILL halfway through
            Map<String, Integer> answers = new ConcurrentHashMap<>();
            Map<String, Long> accepted = new ConcurrentHashMap<>();
            List<Integer> survivorErrors = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            Map<String, java.sql.Timestamp> lockedAtKill = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < BOOKINGS; i = next.getAndIncrement()) {
                        if (i == BOOKINGS / 2) {
                            lockedAtKill.putAll(lockedJobs(drill.jdbc));
                            nodeA.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no lock released
                        }
                        String learner = learners.get(i);
                        boolean onA = i % 2 == 0 && nodeA.isAlive();
                        Drill.Answer answer;
                        try {
                            answer = drill.book(onA ? portA : portB, learner, session);
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
            // jobs locked when A died and still under that same lock well after: A's, left to their lock's expiry
            Thread.sleep(5000);
            Map<String, java.sql.Timestamp> stillLocked = lockedJobs(drill.jdbc);
            List<String> orphaned = lockedAtKill.entrySet().stream()
                    .filter(job -> job.getValue().equals(stillLocked.get(job.getKey()))).map(Map.Entry::getKey).toList();

            System.out.printf("NodeKillIT: %d bookings tried, %d accepted (201), %d refused or cut off; answers %s%n",
                    BOOKINGS, accepted.size(), BOOKINGS - accepted.size(), summary(answers));
            assertThat(survivorErrors).as("5xx answers of the surviving node").isEmpty();
            assertThat(accepted).as("most bookings were accepted").hasSizeGreaterThan(BOOKINGS / 2);
            List<Long> rostered = drill.assertNothingLost(session, capacity, accepted.values());

            long mailed = drill.awaitMailed(session, LOCK.multipliedBy(3).plusSeconds(60));
            long orphanedLeft = orphaned.isEmpty() ? 0 : drill.jdbc.queryForObject("select count(*) from act_ru_job"
                    + " where id_ in (" + String.join(",", Collections.nCopies(orphaned.size(), "?")) + ")", Long.class,
                    orphaned.toArray());
            System.out.printf("NodeKillIT: %d registrations, %d mailed once the survivor took over; %d jobs were locked"
                    + " by the dead node, %d of them left%n", rostered.size(), mailed, orphaned.size(), orphanedLeft);
            assertThat(mailed).isEqualTo(rostered.size());
            assertThat(orphanedLeft).as("jobs the dead node held, run by the survivor after their lock").isZero();
            assertThat(nodeB.isAlive()).isTrue();
        }
    }

    /** Jobs a node holds (or held when it died), with their lock's expiry. */
    private static Map<String, java.sql.Timestamp> lockedJobs(JdbcTemplate jdbc) {
        Map<String, java.sql.Timestamp> locked = new java.util.HashMap<>();
        jdbc.query("select id_, lock_exp_time_ from act_ru_job where lock_owner_ is not null",
                (java.sql.ResultSet row) -> {
                    locked.put(row.getString(1), row.getTimestamp(2));
                });
        return locked;
    }

    static String summary(Map<String, Integer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.values().forEach(status -> counts.merge(status, 1, Integer::sum));
        return counts.toString();
    }
}
