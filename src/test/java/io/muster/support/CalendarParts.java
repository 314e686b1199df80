package io.muster.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

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
}
