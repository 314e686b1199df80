package io.muster.calendarreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.muster.support.Api;
import io.muster.support.CalendarParts;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.parameter.PartStat;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Replies from calendar clients, put into the IMAP inbox of Muster's own address on a real mail
 * server, change registrations when the poll's timer job runs; junk is moved aside.
 */
@IntegrationTest
class CalendarReplyIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired ManagementService managementService;

    @Test
    void anAcceptedAndADeclinedReplyWithoutAMessageIdAnswerTheInvitationsAndJunkIsMovedAsideWithoutStoppingThem() throws Exception {
        long session = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of());
        String accepting = fixtures.learner();
        String declining = fixtures.learner();
        var added = api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/invitees",
                Map.of("usernames", List.of(accepting, declining))).body();
        long acceptingId = added.get(0).get("id").asLong();
        long decliningId = added.get(1).get("id").asLong();
        api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/publish", null);
        Mailbox.awaitSubjects(accepting + "@example.org", 1);
        Mailbox.awaitSubjects(declining + "@example.org", 1);

        CalendarParts.deliverToMuster(junk());
        CalendarParts.deliverToMuster(CalendarParts.replyTo(accepting, PartStat.ACCEPTED));
        // some clients and gateways send no Message-ID: the reply still counts
        MimeMessage anonymous = CalendarParts.replyTo(declining, PartStat.DECLINED);
        anonymous.removeHeader("Message-ID");
        CalendarParts.deliverToMuster(anonymous);
        runThePoll();

        await().atMost(Duration.ofSeconds(60)).until(() -> "REGISTERED".equals(status(accepting, acceptingId))
                && "DECLINED".equals(status(declining, decliningId)));
        assertThat(fixtures.registration(accepting, acceptingId).body().get("history").findValuesAsText("by"))
                .last().isEqualTo(accepting);
        assertThat(Mailbox.awaitSubjects(accepting + "@example.org", 2).get(1)).startsWith("You are booked");
        // handled replies leave the inbox; the junk waits in the folder for a person
        await().atMost(Duration.ofSeconds(60)).until(() -> subjectsIn(ReplyInbox.INBOX).isEmpty());
        assertThat(subjectsIn(ReplyInbox.ASIDE)).contains("Win a prize");
    }

    private String status(String learner, long registration) {
        return fixtures.registration(learner, registration).body().get("status").asText();
    }

    /** The poll's timer job, run now instead of at its next minute (the job executor may be at it already). */
    private void runThePoll() {
        Job timer = managementService.createJobQuery().processDefinitionKey(CalendarRepliesProcess.KEY)
                .activityId(CalendarRepliesProcess.TIMER_POLL).singleResult();
        try {
            managementService.executeJob(timer.getId());
        } catch (ProcessEngineException e) {
            // executed concurrently by the job executor: that poll sees the same inbox
        }
    }

    private static MimeMessage junk() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("spam@example.net"));
        message.setRecipients(Message.RecipientType.TO, EmbeddedServices.MAIL_FROM);
        message.setSubject("Win a prize");
        message.setText("Not a calendar reply.");
        message.saveChanges();
        return message;
    }

    /** The subjects in a folder of Muster's mailbox, read over IMAP like any mail client. */
    private static List<String> subjectsIn(String folderName) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", String.valueOf(EmbeddedServices.mail().getImap().getPort()));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(EmbeddedServices.MAIL_USER, EmbeddedServices.MAIL_PASSWORD);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : folder.getMessages()) {
                subjects.add(m.getSubject());
            }
            folder.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
