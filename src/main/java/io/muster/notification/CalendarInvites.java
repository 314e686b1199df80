package io.muster.notification;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import org.springframework.stereotype.Component;

/**
 * iTIP calendar parts (RFC 5546) that calendar clients accept: REQUEST puts a session in the
 * attendee's calendar, a later REQUEST with a higher SEQUENCE moves it, CANCEL with the same UID
 * removes it. Times carry the session's own zone with its VTIMEZONE (see SessionTimeZone).
 */
@Component
class CalendarInvites {

    static final String PROD_ID = "-//Muster//Muster training sessions//EN";

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** One session as one calendar event for one attendee. */
    record Event(String uid, int sequence, String summary, String description, Instant start, Instant end,
            ZoneId zone, String location, String url, String organizerEmail, String organizerName,
            String attendeeEmail, String attendeeName, boolean accepted) {
    }

    String request(Event event) {
        return calendar(Method.VALUE_REQUEST, event, Status.VALUE_CONFIRMED);
    }

    /** The same entry as a file to import (RFC 5546 PUBLISH): a calendar that has it from a mail keeps one. */
    String publish(Event event) {
        return calendar(Method.VALUE_PUBLISH, event, Status.VALUE_CONFIRMED);
    }

    String cancel(Event event) {
        return calendar(Method.VALUE_CANCEL, event, Status.VALUE_CANCELLED);
    }

    private String calendar(String method, Event e, String status) {
        ZonedDateTime start = e.start().atZone(e.zone());
        ZonedDateTime end = e.end().atZone(e.zone());
        // the constructor stamps DTSTAMP itself; a second one makes the calendar invalid
        VEvent vevent = new VEvent(start, end, e.summary());
        vevent.add(new Uid(e.uid()));
        vevent.add(new Sequence(e.sequence()));
        vevent.add(new Status(status));
        if (e.description() != null) {
            vevent.add(new Description(e.description()));
        }
        if (e.location() != null) {
            vevent.add(new Location(e.location()));
        }
        if (e.url() != null) {
            vevent.add(new Url(URI.create(e.url())));
            if (e.location() == null) {
                vevent.add(new Location(e.url()));
            }
        }
        Organizer organizer = new Organizer(URI.create("mailto:" + e.organizerEmail()));
        organizer.add(new Cn(e.organizerName()));
        vevent.add(organizer);
        // a published entry names no attendee (RFC 5546 3.2.1): it is the reader's own copy
        if (!Method.VALUE_PUBLISH.equals(method)) {
            Attendee attendee = new Attendee(URI.create("mailto:" + e.attendeeEmail()));
            attendee.add(new Cn(e.attendeeName()));
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(e.accepted() ? PartStat.ACCEPTED : PartStat.NEEDS_ACTION);
            attendee.add(e.accepted() ? Rsvp.FALSE : Rsvp.TRUE);
            vevent.add(attendee);
        }

        Calendar calendar = new Calendar().withProdId(PROD_ID).withDefaults()
                .withProperty(new Method(method))
                .withComponent(SessionTimeZone.around(zones.getTimeZone(e.zone().getId()).getVTimeZone(), e.start(),
                        e.end()))
                .withComponent(vevent)
                .getFluentTarget();
        // Calendar.toString() writes every content line whole; RFC 5545 wants them folded
        return ContentLines.fold(calendar.toString());
    }
}
