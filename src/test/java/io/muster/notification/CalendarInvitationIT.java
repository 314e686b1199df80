package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import static io.muster.support.CalendarParts.calendarOf;
import static io.muster.support.CalendarParts.value;

import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The calendar parts of the mails, as a calendar client reads them off a real SMTP server. */
@IntegrationTest
class CalendarInvitationIT {

    @Autowired Fixtures fixtures;

    @Test
    void aBookingInvitesToTheSessionAndACancellationRemovesTheSameEntry() throws Exception {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner(Map.of("timeZone", "America/New_York"));
        String email = learner + "@example.org";
        long registration = fixtures.book(learner, session).body().get("id").asLong();

        Mailbox.awaitSubjects(email, 1);
        MimeMessage confirmation = Mailbox.to(email).get(0);
        assertThat(text(confirmation)).contains("America/New_York");
        Calendar invite = calendarOf(confirmation, "REQUEST");
        VEvent event = invite.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        String uid = event.getUid().orElseThrow().getValue();
        assertThat(uid).startsWith("registration-" + registration + "@");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/London");
        assertThat(invite.getComponent("VTIMEZONE").map(VTimeZone.class::cast).orElseThrow()
                .getProperty("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
        assertThat(value(event, "ORGANIZER")).isEqualToIgnoringCase("mailto:" + EmbeddedServices.MAIL_FROM);
        assertThat(value(event, "ATTENDEE")).isEqualToIgnoringCase("mailto:" + email);
        assertThat(value(event, "LOCATION")).isEqualTo("Room 1");

        fixtures.act(learner, registration, "cancel");
        Mailbox.awaitSubjects(email, 2);
        Calendar cancellation = calendarOf(Mailbox.to(email).get(1), "CANCEL");
        VEvent cancelled = cancellation.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(Integer.parseInt(value(cancelled, "SEQUENCE"))).isGreaterThan(0);
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
    }

    @Test
    void aWaitingListConfirmationIsTextAndHtmlWithoutAnInvitation() throws Exception {
        long session = fixtures.session(1, true, false);
        fixtures.book(fixtures.learner(), session);
        String waiting = fixtures.learner();
        fixtures.book(waiting, session);
        Mailbox.awaitSubjects(waiting + "@example.org", 1);
        MimeMultipart parts = (MimeMultipart) Mailbox.to(waiting + "@example.org").get(0).getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<p>Hello Test " + waiting + ",</p>");
    }

    private static String text(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        return (String) parts.getBodyPart(0).getContent();
    }
}
