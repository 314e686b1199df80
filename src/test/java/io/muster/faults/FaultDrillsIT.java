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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.Cable;
import io.muster.support.CalendarParts;
import io.muster.support.EmbeddedServices;
import io.muster.support.Mailbox;
import net.fortuna.ical4j.model.parameter.PartStat;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fault drills, on one pair of Muster nodes (each its own JVM from the built jar) sharing a
 * PostgreSQL of their own, with the mail servers behind cables the drills pull out. Each drill books
 * a session of its own; the node kill comes last, as it leaves one node. After each: every booking
 * answered 201 is on the roster with its process, seats never exceed capacity, and every mail due
 * went out once by Message-ID.
 * Sizes: {@code -Dfaults.bookings} (default 120), {@code -Dfaults.clients} (default 6),
 * {@code -Dfaults.invitees} (default 20), {@code -Dfaults.downSeconds} (default 8) that PostgreSQL stays
 * down, {@code -Dfaults.smtpDownSeconds} (default 10) that SMTP stays away (each mail is tried again
 * 1, 2, 4, 8, 16 and 32 minutes after its last try: 300 shows a five-minute outage needs nobody).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    private static final int BOOKINGS = Integer.getInteger("faults.bookings", 120);
    private static final int CLIENTS = Integer.getInteger("faults.clients", 6);
    private static final int INVITEES = Integer.getInteger("faults.invitees", 20);
    private static final Duration DOWN = Duration.ofSeconds(Integer.getInteger("faults.downSeconds", 8));
    private static final Duration SMTP_DOWN = Duration.ofSeconds(Integer.getInteger("faults.smtpDownSeconds", 10));
    /** How long a node's job lock lasts here (production: 5 minutes): the survivor takes a dead node's jobs after it. */
    private static final Duration LOCK = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final ObjectMapper json = new ObjectMapper();
    private Drill drill;
    private Cable imap;
    private Cable smtp;
    private int portA;
    private int portB;

    @BeforeAll
    void twoNodes() throws IOException {
        drill = new Drill();
        imap = new Cable(EmbeddedServices.mail().getImap().getPort());
        smtp = new Cable(EmbeddedServices.mail().getSmtp().getPort());
        int[] ports = drill.twoNodes("drill", LOCK, "--muster.mail.imap-port=" + imap.port(),
                "--spring.mail.port=" + smtp.port(), "--muster.calendar.reply-poll=" + POLL);
        portA = ports[0];
        portB = ports[1];
    }

    @AfterAll
    void stop() throws IOException {
        imap.close();
        smtp.close();
        drill.close();
    }

    /**
     * IMAP is out of reach while learners answer their invitations from their calendars: the replies
     * wait in the inbox, every poll meanwhile finds nothing and fails nothing, and once the server is
     * back the next poll answers every invitation, each once.
     */
    @Test
    @Order(1)
    void repliesSentWhileImapIsUnreachableWaitForTheNextPollAndNoneIsLost() throws Exception {
        List<String> learners = drill.learners("imap", INVITEES, portA, portB);
        long session = drill.draft(portA, "IMAP", INVITEES);
        Drill.Answer added = drill.post(portA, Drill.ADMIN, Drill.ADMIN_PASSWORD,
                "/api/sessions/" + session + "/invitees", Map.of("usernames", learners));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(drill.post(portB, Drill.ADMIN, Drill.ADMIN_PASSWORD, "/api/sessions/" + session + "/publish",
                null).status()).isEqualTo(200);
        for (String learner : learners) {
            Mailbox.awaitSubjects(learner + "@example.org", 1);
        }

        imap.pullOut();
        for (String learner : learners) {
            CalendarParts.deliverToMuster(CalendarParts.replyTo(learner, PartStat.ACCEPTED));
        }
        // several polls on each node meet a closed port meanwhile
        Thread.sleep(POLL.multipliedBy(4).toMillis());
        assertThat(drill.inStatus(session, "INVITED")).as("nothing answered while the inbox is unreachable")
                .hasSize(INVITEES);
        assertThat(incidents()).as("no poll became an incident").isZero();

        long back = System.nanoTime();
        imap.plugIn();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> drill.inStatus(session, "REGISTERED").size() == INVITEES);
        double seconds = (System.nanoTime() - back) / 1e9;
        long answers = drill.jdbc.queryForObject("""
                select count(*) from registration_status_change c join registration r on r.id = c.registration_id
                where r.session_id = ? and c.to_status = 'REGISTERED'""", Long.class, session);
        System.out.printf("FaultDrillsIT imap: %d replies sent while IMAP was unreachable, %d answered %.0f s after"
                + " it was back, each once (%d moves to REGISTERED)%n", INVITEES, INVITEES, seconds, answers);
        assertThat(answers).as("each reply answered once").isEqualTo(INVITEES);
    }

    /**
     * SMTP is out of reach while learners book on both nodes: every booking is accepted, each mail
     * job fails, keeps its retries and waits (no incident, nobody needed), and once SMTP is back each
     * confirmation goes out exactly once, counted by Message-ID at the mail server.
     */
    @Test
    @Order(2)
    void mailsOfBookingsMadeWhileSmtpIsUnreachableWaitAndGoOutOnceWhenItIsBack() throws Exception {
        int bookings = BOOKINGS / 2;
        long session = drill.session(portA, "SMTP", bookings);
        List<String> learners = drill.learners("smtp", bookings, portA, portB);

        long pulled = System.nanoTime();
        smtp.pullOut();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
        Drill.inParallel(bookings, CLIENTS, i -> {
            Drill.Answer answer = drill.book(i % 2 == 0 ? portA : portB, learners.get(i), session);
            if (answer.status() == 201) {
                accepted.put(learners.get(i), json.readTree(answer.body()).get("id").asLong());
            } else {
                wrongAnswers.add(answer.status() + " " + answer.body());
            }
        });
        assertThat(wrongAnswers).as("bookings refused while SMTP is away").isEmpty();
        List<Long> rostered = drill.assertNothingLost(session, bookings, accepted.values());
        // every confirmation job has met the outage and waits for its next try
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> drill.failedMailJobs(session) == bookings);
        assertThat(Drill.messageIdsTo("smtp")).as("nothing reached the mail server").isEmpty();
        sleep(SMTP_DOWN.minusNanos(System.nanoTime() - pulled));
        assertThat(incidents()).as("no incident while SMTP is away: the mails wait").isZero();

        smtp.plugIn();
        double outage = (System.nanoTime() - pulled) / 1e9;
        long back = System.nanoTime();
        // the longest wait: a mail tried just before SMTP came back waits its whole next pause
        long mailed = drill.awaitMailed(session, SMTP_DOWN.multipliedBy(2).plusMinutes(3));
        double catchUp = (System.nanoTime() - back) / 1e9;
        List<String> messageIds = Drill.messageIdsTo("smtp");
        long distinct = messageIds.stream().distinct().count();
        System.out.printf("FaultDrillsIT smtp: %d bookings accepted while SMTP was away %.0f s; %d mails out %.0f s"
                + " after it was back: %d Message-IDs, %d delivered twice; %d incidents%n", accepted.size(), outage,
                mailed, catchUp, distinct, messageIds.size() - distinct, incidents());
        assertThat(mailed).isEqualTo(rostered.size());
        assertThat(messageIds).as("each confirmation delivered exactly once").hasSize(rostered.size())
                .doesNotHaveDuplicates();
        assertThat(incidents()).isZero();
    }

    /**
     * PostgreSQL restarts while learners book on both nodes. Meanwhile the nodes answer 503
     * problem+json with Retry-After, never another 5xx; a learner who tries again after it is booked;
     * both nodes serve again by themselves; every registration has its process, seats match the
     * roster, and every confirmation goes out, once by Message-ID (a mail the server took just as the
     * database went away may be sent again with the same Message-ID: SMTP and the database cannot
     * commit together, and a repeat that mail clients show once is better than a loss).
     */
    @Test
    @Order(3)
    void whilePostgresRestartsUnderLoadBothNodesAnswer503AndLoseNothingAndRecoverByThemselves() throws Exception {
        int capacity = BOOKINGS / 2;
        long session = drill.session(portA, "PGRS", capacity);
        List<String> learners = drill.learners("pgrs", BOOKINGS, portA, portB);

        Map<String, Long> accepted = new ConcurrentHashMap<>();
        List<String> wrongAnswers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        Map<Integer, Integer> bookedAfterRestart = new ConcurrentHashMap<>();
        Thread restart = new Thread(() -> {
            try {
                while (started.get() < BOOKINGS / 3) {
                    Thread.sleep(50);
                }
                drill.restartPostgres(() -> sleep(DOWN));
                restarted.set(true);
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        restart.start();
        Drill.inParallel(BOOKINGS, CLIENTS, i -> {
            started.incrementAndGet();
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
        });
        restart.join(Duration.ofMinutes(2).toMillis());

        System.out.printf("FaultDrillsIT restart: %d learners, %d requests, %d answered 503 with Retry-After,"
                + " %d accepted, %d other answers; accepted after the restart per node %s%n", BOOKINGS, tries.get(),
                unavailable.get(), accepted.size(), wrongAnswers.size(), bookedAfterRestart);
        assertThat(restarted).as("PostgreSQL went down and came back").isTrue();
        assertThat(wrongAnswers).as("answers other than 201 and 503 problem+json with Retry-After").isEmpty();
        assertThat(unavailable.get()).as("requests that met the outage").isPositive();
        assertThat(accepted).as("every learner booked in the end").hasSize(BOOKINGS);
        assertThat(bookedAfterRestart).as("both nodes serve again without a restart of their own")
                .containsKeys(portA, portB);
        List<Long> rostered = drill.assertNothingLost(session, capacity, accepted.values());
        assertThat(rostered).as("nothing half-written: one registration per accepted booking")
                .containsExactlyInAnyOrderElementsOf(accepted.values());

        long after = System.nanoTime();
        long mailed = drill.awaitMailed(session, Duration.ofMinutes(5));
        double catchUp = (System.nanoTime() - after) / 1e9;
        List<String> messageIds = Drill.messageIdsTo("pgrs");
        long distinct = messageIds.stream().distinct().count();
        System.out.printf("FaultDrillsIT restart: %d registrations, %d mailed (the last %.0f s after the bookings),"
                + " %d distinct Message-IDs at the mail server, %d of them delivered twice%n",
                rostered.size(), mailed, catchUp, distinct, messageIds.size() - distinct);
        assertThat(mailed).isEqualTo(rostered.size());
        assertThat(distinct).as("one mail per registration, by Message-ID").isEqualTo(rostered.size());
    }

    /**
     * Learners book on both nodes and node A is killed with SIGKILL halfway. Every booking answered
     * 201 is on the roster with its process, seats never exceed capacity, the surviving node answers
     * no 5xx, the jobs the dead node had locked are run by the survivor once their lock expires, and
     * seats given back afterwards go to the head of the waiting list.
     */
    @Test
    @Order(4)
    void aNodeKilledWhileLearnersBookLosesNoAcceptedBookingAndTheSurvivorFinishesItsWork() throws Exception {
        Process nodeA = drill.process(0);
        Process nodeB = drill.process(1);
        int capacity = BOOKINGS / 3;
        long session = drill.session(portA, "KILL", capacity);
        List<String> learners = drill.learners("kill", BOOKINGS, portA, portB);

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        List<Integer> survivorErrors = Collections.synchronizedList(new ArrayList<>());
        Map<String, java.sql.Timestamp> lockedAtKill = new ConcurrentHashMap<>();
        Drill.inParallel(BOOKINGS, CLIENTS, i -> {
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
                return;
            }
            answers.put(learner, answer.status());
            if (answer.status() == 201) {
                accepted.put(learner, json.readTree(answer.body()).get("id").asLong());
            }
            if (!onA && answer.status() >= 500) {
                survivorErrors.add(answer.status());
            }
        });
        nodeA.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(nodeA.isAlive()).isFalse();
        // jobs locked when A died and still under that same lock well after: A's, left to their lock's expiry
        Thread.sleep(5000);
        Map<String, java.sql.Timestamp> stillLocked = lockedJobs(drill.jdbc);
        List<String> orphaned = lockedAtKill.entrySet().stream()
                .filter(job -> job.getValue().equals(stillLocked.get(job.getKey()))).map(Map.Entry::getKey).toList();
        orphaned.forEach(job -> System.out.println("FaultDrillsIT kill: held by the dead node: "
                + drill.jdbc.queryForMap("select handler_type_, handler_cfg_, duedate_, lock_exp_time_"
                        + " from act_ru_job where id_ = ?", job)));

        System.out.printf("FaultDrillsIT kill: %d bookings tried, %d accepted (201), %d refused or cut off;"
                + " answers %s%n", BOOKINGS, accepted.size(), BOOKINGS - accepted.size(), summary(answers));
        assertThat(survivorErrors).as("5xx answers of the surviving node").isEmpty();
        assertThat(accepted).as("most bookings were accepted").hasSizeGreaterThan(BOOKINGS / 2);
        List<Long> rostered = drill.assertNothingLost(session, capacity, accepted.values());

        long mailed = drill.awaitMailed(session, LOCK.multipliedBy(3).plusSeconds(60));
        // the survivor runs the dead node's jobs once their lock has passed, at its next acquisition
        // (which waits up to a minute when it last found nothing to do)
        for (String job : orphaned) {
            Awaitility.await("job " + job + " the dead node held, run by the survivor after its lock")
                    .atMost(LOCK.plusSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> drill.jdbc
                            .queryForObject("select count(*) from act_ru_job where id_ = ?", Long.class, job) == 0);
        }
        List<String> messageIds = Drill.messageIdsTo("kill");
        System.out.printf("FaultDrillsIT kill: %d registrations, %d mailed once the survivor took over (%d Message-IDs,"
                + " %d mails); the %d jobs the dead node held were run after their lock%n", rostered.size(), mailed,
                messageIds.stream().distinct().count(), messageIds.size(), orphaned.size());
        assertThat(mailed).isEqualTo(rostered.size());
        assertThat(messageIds.stream().distinct().count()).as("one mail per registration, by Message-ID")
                .isEqualTo(rostered.size());

        // the waiting list keeps its order on the survivor: two seats given back go to the first two in it
        List<Long> queue = drill.inStatus(session, "WAITING_LIST");
        for (long seat : drill.inStatus(session, "REGISTERED").subList(0, 2)) {
            assertThat(drill.post(portB, Drill.ADMIN, Drill.ADMIN_PASSWORD, "/api/registrations/" + seat + "/cancel",
                    null).status()).isEqualTo(200);
        }
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> drill.inStatus(session, "INVITED").size() == 2);
        System.out.printf("FaultDrillsIT kill: %d on the waiting list; the two seats given back were offered"
                + " (INVITED) to %s, the first two %s%n", queue.size(), drill.inStatus(session, "INVITED"),
                queue.subList(0, 2));
        assertThat(drill.inStatus(session, "INVITED")).containsExactlyElementsOf(queue.subList(0, 2));
        assertThat(nodeB.isAlive()).isTrue();
    }

    private long incidents() {
        return drill.jdbc.queryForObject("select count(*) from act_ru_incident", Long.class);
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

    private static String summary(Map<String, Integer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.values().forEach(status -> counts.merge(status, 1, Integer::sum));
        return counts.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
