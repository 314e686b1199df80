package io.muster.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;

/** The calendar part of a mail as a calendar client reads it. */
public final class CalendarParts {

    private CalendarParts() {
    }

    /**
     * The text/calendar alternative, checked for its method, its folding and its validity, parsed as a
     * calendar client would.
     */
    public static Calendar calendarOf(MimeMessage message, String method) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        Optional<BodyPart> calendarPart = Optional.empty();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/calendar")) {
                calendarPart = Optional.of(parts.getBodyPart(i));
            }
        }
        BodyPart part = calendarPart.orElseThrow();
        assertThat(part.getContentType()).contains("method=" + method);
        Object content = part.getContent();
        String ics = content instanceof String s ? s
                : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
        return calendarOf(ics, method);
    }

    /** A calendar file, checked as a mail's calendar part is. */
    public static Calendar calendarOf(String ics, String method) throws Exception {
        // RFC 5545 3.1: content lines are folded to at most 75 octets, line break excluded
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .as(line).isLessThanOrEqualTo(75));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(method);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().getEntries().toString()).isFalse();
        return calendar;
    }

    public static VEvent eventOf(Calendar calendar) {
        return calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
    }

    public static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    /** What a calendar client sends when its user answers the invitation: METHOD:REPLY for the same UID. */
    public static MimeMessage replyTo(String learner, PartStat answer) throws Exception {
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

    /** Puts a mail into the inbox of Muster's own address, as the mail server would on receiving it. */
    public static void deliverToMuster(MimeMessage message) {
        EmbeddedServices.mail().getUserManager().getUserByEmail(EmbeddedServices.MAIL_FROM).deliver(message);
    }
}
