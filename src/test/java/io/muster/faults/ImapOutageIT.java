package io.muster.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.support.Cable;
import io.muster.support.CalendarParts;
import io.muster.support.EmbeddedServices;
import io.muster.support.Mailbox;
import net.fortuna.ical4j.model.parameter.PartStat;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The IMAP server is out of reach of two nodes while learners answer their invitations from their
 * calendars: the replies wait in the inbox, every poll meanwhile finds nothing and fails nothing,
 * and once the server is back the next poll answers every invitation, each once.
 * Size: {@code -Dfaults.invitees} (default 20).
 */
class ImapOutageIT {

    private static final int INVITEES = Integer.getInteger("faults.invitees", 20);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void repliesSentWhileImapIsUnreachableWaitForTheNextPollAndNoneIsLost() throws Exception {
        try (Drill drill = new Drill(); Cable imap = new Cable(EmbeddedServices.mail().getImap().getPort())) {
            String[] settings = {"--muster.mail.imap-port=" + imap.port(), "--muster.calendar.reply-poll=" + POLL};
            int[] ports = drill.twoNodes("imap", Duration.ofSeconds(20), settings);
            int portA = ports[0];
            int portB = ports[1];
            List<String> learners = drill.learners("imap", INVITEES, portA, portB);
            long session = drill.draft(portA, "IMAP", INVITEES);
            Drill.Answer added = drill.post(portA, Drill.ADMIN, Drill.ADMIN_PASSWORD,
                    "/api/sessions/" + session + "/invitees", Map.of("usernames", learners));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            List<Long> registrations = new ArrayList<>();
            for (JsonNode line : json.readTree(added.body())) {
                registrations.add(line.get("id").asLong());
            }
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
            assertThat(statuses(drill, registrations)).as("nothing answered while the inbox is unreachable")
                    .containsOnlyKeys("INVITED");
            assertThat(drill.jdbc.queryForObject("select count(*) from act_ru_incident", Long.class))
                    .as("no poll became an incident").isZero();

            long back = System.nanoTime();
            imap.plugIn();
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> statuses(drill, registrations).equals(Map.of("REGISTERED", (long) INVITEES)));
            double seconds = (System.nanoTime() - back) / 1e9;
            long answers = drill.jdbc.queryForObject("""
                    select count(*) from registration_status_change c where c.registration_id in (%s)
                    and c.to_status = 'REGISTERED'""".formatted(String.join(",",
                    registrations.stream().map(String::valueOf).toList())), Long.class);
            System.out.printf("ImapOutageIT: %d replies sent while IMAP was unreachable, %d answered %.0f s after it"
                    + " was back, each once (%d moves to REGISTERED)%n", INVITEES, INVITEES, seconds, answers);
            assertThat(answers).as("each reply answered once").isEqualTo(INVITEES);
        }
    }

    private static Map<String, Long> statuses(Drill drill, List<Long> registrations) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        drill.jdbc.queryForList("select status from registration where id in (" + String.join(",",
                registrations.stream().map(String::valueOf).toList()) + ")", String.class)
                .forEach(status -> counts.merge(status, 1L, Long::sum));
        return counts;
    }
}
