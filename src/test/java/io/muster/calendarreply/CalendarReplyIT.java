package io.muster.calendarreply;

import static io.muster.support.CalendarParts.calendarOf;
import static io.muster.support.CalendarParts.eventOf;
import static io.muster.support.CalendarParts.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.muster.support.Api;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
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

        deliverToMuster(junk());
        deliverToMuster(replyTo(accepting, PartStat.ACCEPTED));
        // some clients and gateways send no Message-ID: the reply still counts
        MimeMessage anonymous = replyTo(declining, PartStat.DECLINED);
        anonymous.removeHeader("Message-ID");
        deliverToMuster(anonymous);
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

    /** What a calendar client sends when its user answers the invitation: METHOD:REPLY for the same UID. */
    private static MimeMessage replyTo(String learner, PartStat answer) throws Exception {
        String email = learner + "@example.org";
        VEvent invitation = eventOf(calendarOf(Mailbox.to(email).get(0), "REQUEST"));
        VEvent reply = new VEvent(invitation.getDateTimeStart().getDate(),
                invitation.getDateTimeEnd().getDate(), value(invitation, "SUMMARY"));
        reply.add(new Uid(value(invitation, "UID")));
        reply.add(new Sequence(Integer.parseInt(value(invitation, "SEQUENCE"))));
        reply.add(new Organizer(URI.create("mailto:" + EmbeddedServices.MAIL_FROM)));
        Attendee attendee = new Attendee(URI.create("mailto:" + email));
        attendee.add(answer);
        reply.add(attendee);
        Calendar calendar = new Calendar().withProdId("-//Example Calendar Client//EN").withDefaults()
                .withProperty(new Method(Method.VALUE_REPLY)).withComponent(reply).getFluentTarget();

        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(email));
        message.setRecipients(Message.RecipientType.TO, EmbeddedServices.MAIL_FROM);
        message.setSubject((answer == PartStat.ACCEPTED ? "Accepted: " : "Declined: ") + value(invitation, "SUMMARY"));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(learner + " has answered.", "UTF-8");
        MimeBodyPart ics = new MimeBodyPart();
        ics.setContent(calendar.toString(), "text/calendar; charset=UTF-8; method=REPLY");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(ics);
        message.setContent(alternative);
        message.saveChanges();
        return message;
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

    private static void deliverToMuster(MimeMessage message) {
        EmbeddedServices.mail().getUserManager().getUserByEmail(EmbeddedServices.MAIL_FROM).deliver(message);
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
