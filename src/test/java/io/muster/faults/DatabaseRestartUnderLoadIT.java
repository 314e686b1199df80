package io.muster.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.EmbeddedServices;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts while learners book on two nodes. Meanwhile the nodes answer 503
 * problem+json with Retry-After, never another 5xx; a learner who tries again after it is booked;
 * both nodes serve again by themselves; every registration has its process, seats match the
 * roster, and every confirmation goes out, once by Message-ID at the mail server (a mail the server
 * took just as the database went away may be sent again, with the same Message-ID: SMTP and the
 * database cannot commit together, and a repeat is better than a loss).
 * Sizes: {@code -Dfaults.bookings} (default 120), {@code -Dfaults.clients} (default 6), and
 * {@code -Dfaults.downSeconds} (default 8) that PostgreSQL stays down.
 */
class DatabaseRestartUnderLoadIT {

    private static final int BOOKINGS = Integer.getInteger("faults.bookings", 120);
    private static final int CLIENTS = Integer.getInteger("faults.clients", 6);
    /** A job whose node lost its database mid-run stays locked until this passes (production: 5 minutes). */
    private static final Duration LOCK = Duration.ofSeconds(20);
    private static final Duration DOWN = Duration.ofSeconds(Integer.getInteger("faults.downSeconds", 8));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void whilePostgresRestartsUnderLoadBothNodesAnswer503AndLoseNothingAndRecoverByThemselves() throws Exception {
        try (Drill drill = new Drill()) {
            int[] ports = drill.twoNodes("restart", LOCK);
            int portA = ports[0];
            int portB = ports[1];
            int capacity = BOOKINGS / 2;
            long session = drill.session(portA, "PGRS", capacity);
            List<String> learners = drill.learners("pgrs", BOOKINGS, portA, portB);

            Map<String, Long> accepted = new ConcurrentHashMap<>();
            List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger unavailable = new AtomicInteger();
            AtomicInteger tries = new AtomicInteger();
            AtomicBoolean restarted = new AtomicBoolean();
            Map<Integer, Integer> bookedAfterRestart = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> work = new ArrayList<>();
            work.add(clients.submit(() -> {
                while (next.get() < BOOKINGS / 3) {
                    Thread.sleep(50);
                }
                drill.restartPostgres(() -> sleep(DOWN));
                restarted.set(true);
                return null;
            }));
            for (int c = 0; c < CLIENTS; c++) {
                work.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < BOOKINGS; i = next.getAndIncrement()) {
                        String learner = learners.get(i);
                        int port = i % 2 == 0 ? portA : portB;
                        // a client that honours 503 + Retry-After tries again (sooner here, to keep the drill short)
                        for (int attempt = 0; attempt < 60 && !accepted.containsKey(learner); attempt++) {
                            tries.incrementAndGet();
                            Drill.Answer answer = drill.book(port, learner, session);
                            if (answer.status() == 201) {
                                accepted.put(learner, json.readTree(answer.body()).get("id").asLong());
                                if (restarted.get()) {
                                    bookedAfterRestart.merge(port, 1, Integer::sum);
                                }
                            } else if (answer.status() == 503 && answer.retryAfter() != null
                                    && answer.contentType().startsWith("application/problem+json")) {
                                unavailable.incrementAndGet();
                                sleep(Duration.ofMillis(500));
                            } else {
                                wrongAnswers.add(answer.status() + " " + answer.contentType() + " " + answer.body());
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get(10, TimeUnit.MINUTES);
            }
            clients.shutdown();

            System.out.printf("DatabaseRestartUnderLoadIT: %d learners, %d requests, %d answered 503 with Retry-After,"
                    + " %d accepted, %d other answers; accepted after the restart per node %s%n", BOOKINGS, tries.get(),
                    unavailable.get(), accepted.size(), wrongAnswers.size(), bookedAfterRestart);
            assertThat(wrongAnswers).as("answers other than 201 and 503 problem+json with Retry-After").isEmpty();
            assertThat(unavailable.get()).as("requests that met the outage").isPositive();
            assertThat(accepted).as("every learner booked in the end").hasSize(BOOKINGS);
            assertThat(bookedAfterRestart).as("both nodes serve again without a restart of their own")
                    .containsKeys(portA, portB);
            List<Long> rostered = drill.assertNothingLost(session, capacity, accepted.values());
            assertThat(rostered).as("nothing half-written: one registration per accepted booking")
                    .containsExactlyInAnyOrderElementsOf(accepted.values());

            long restartedAt = System.nanoTime();
            long mailed = drill.awaitMailed(session, Duration.ofMinutes(5));
            double catchUpSeconds = (System.nanoTime() - restartedAt) / 1e9;
            List<String> messageIds = new ArrayList<>();
            for (MimeMessage message : EmbeddedServices.mail().getReceivedMessages()) {
                String to = message.getHeader("To", ",");
                if (to != null && to.startsWith("pgrs")) {
                    messageIds.add(message.getMessageID());
                }
            }
            long distinct = messageIds.stream().distinct().count();
            System.out.printf("DatabaseRestartUnderLoadIT: %d registrations, %d mailed (the last %.0f s after the"
                    + " bookings), %d distinct Message-IDs at the mail server, %d of them delivered twice%n",
                    rostered.size(), mailed, catchUpSeconds, distinct, messageIds.size() - distinct);
            assertThat(mailed).isEqualTo(rostered.size());
            // a mail the server took just before the database went away is sent again once it is back:
            // with its own Message-ID, so a reader's mail client shows it once; none is missing
            assertThat(distinct).as("one mail per registration, by Message-ID").isEqualTo(rostered.size());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
