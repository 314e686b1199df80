package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import static io.muster.support.CalendarParts.calendarOf;
import static io.muster.support.CalendarParts.value;

import io.muster.support.Api;
import io.muster.support.CalendarParts;
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
import org.springframework.http.HttpMethod;

/** The calendar parts of the mails, as a calendar client reads them off a real SMTP server. */
@IntegrationTest
class CalendarInvitationIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    /** The way the mails name a time, written out here on its own. */
    private static String when(Instant instant, String zone) {
        return DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH)
                .format(instant.atZone(ZoneId.of(zone)));
    }

    private Instant startOf(long session) {
        return OffsetDateTime.parse(api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body()
                .get("startsAt").asText()).toInstant();
    }

    @Test
    void aBookingInvitesToTheSessionAndACancellationRemovesTheSameEntry() throws Exception {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner(Map.of("timeZone", "America/New_York"));
        String email = learner + "@example.org";
        long registration = fixtures.book(learner, session).body().get("id").asLong();

        Mailbox.awaitSubjects(email, 1);
        MimeMessage confirmation = Mailbox.to(email).get(0);
        assertThat(text(confirmation)).contains("When: " + when(startOf(session), "America/New_York"))
                .containsPattern("When: \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} E[SD]T\\r?\\n");
        Calendar invite = calendarOf(confirmation, "REQUEST");
        VEvent event = invite.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        String uid = event.getUid().orElseThrow().getValue();
        assertThat(uid).startsWith("registration-" + registration + "@");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/London");
        VTimeZone zone = invite.getComponent("VTIMEZONE").map(VTimeZone.class::cast).orElseThrow();
        assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("Europe/London");
        // the summer and winter time rules, not the zone's history
        assertThat(zone.getObservances()).hasSize(2);
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

    @Test
    void aSeatOfferCarriesTheEntryItOffersAndNamesItsDeadlineInTheLearnersZone() throws Exception {
        long session = fixtures.session(1, true, false);
        String seated = fixtures.learner();
        long seat = fixtures.book(seated, session).body().get("id").asLong();
        String waiting = fixtures.learner(Map.of("timeZone", "Asia/Kolkata"));
        String email = waiting + "@example.org";
        long registration = fixtures.book(waiting, session).body().get("id").asLong();
        Mailbox.awaitSubjects(email, 1);

        fixtures.act(seated, seat, "cancel");
        assertThat(Mailbox.awaitSubjects(email, 2).get(1)).startsWith("A seat is free for you");
        MimeMessage offer = Mailbox.to(email).get(1);
        Instant deadline = Instant.parse(fixtures.registration(waiting, registration).body().get("offerExpiresAt")
                .asText());
        assertThat(text(offer)).contains("on " + when(startOf(session), "Asia/Kolkata") + " is free")
                .contains("held for you until " + when(deadline, "Asia/Kolkata") + ".")
                .contains(" IST.");

        VEvent event = CalendarParts.eventOf(calendarOf(offer, "REQUEST"));
        assertThat(event.getUid().orElseThrow().getValue()).startsWith("registration-" + registration + "@");
        assertThat(value(event, "ATTENDEE")).isEqualToIgnoringCase("mailto:" + email);
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("PARTSTAT").orElseThrow().getValue())
                .isEqualTo("NEEDS-ACTION");
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("RSVP").orElseThrow().getValue())
                .isEqualTo("TRUE");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(startOf(session));
    }

    private static String text(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        return (String) parts.getBodyPart(0).getContent();
    }
}
