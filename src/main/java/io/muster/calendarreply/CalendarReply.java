package io.muster.calendarreply;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * What a calendar client answered to one of Muster's invitations: an iTIP REPLY (RFC 5546) for
 * the UID of a registration ("registration-{id}@host"), from the attendee, ACCEPTED or DECLINED.
 */
record CalendarReply(long registrationId, String attendeeEmail, boolean accepted) {

    private static final Pattern REGISTRATION_UID = Pattern.compile("^registration-(\\d+)@");

    /** Not an answer Muster can act on; the message says why. */
    static class Unreadable extends Exception {
        Unreadable(String why) {
            super(why);
        }
    }

    /** The reply in a mail: the first calendar part anywhere in it (inline or attached). */
    static CalendarReply of(Part mail) throws Unreadable {
        try {
            String ics = calendarPart(mail).orElseThrow(() -> new Unreadable("no calendar part"));
            return of(new CalendarBuilder().build(new StringReader(ics)));
        } catch (MessagingException | IOException | ParserException | RuntimeException e) {
            throw new Unreadable("unreadable: " + e.getMessage());
        }
    }

    static CalendarReply of(Calendar calendar) throws Unreadable {
        String method = calendar.getProperty(Property.METHOD).map(Property::getValue).orElse("");
        if (!"REPLY".equalsIgnoreCase(method)) {
            throw new Unreadable("METHOD is '" + method + "', not REPLY");
        }
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast)
                .orElseThrow(() -> new Unreadable("no VEVENT"));
        String uid = event.getProperty(Property.UID).map(Property::getValue).orElse("");
        Matcher m = REGISTRATION_UID.matcher(uid);
        if (!m.find()) {
            throw new Unreadable("UID '" + uid + "' is not one of Muster's registrations");
        }
        Property attendee = event.getProperty(Property.ATTENDEE).orElseThrow(() -> new Unreadable("no ATTENDEE"));
        String partStat = attendee.getParameter(Parameter.PARTSTAT).map(Parameter::getValue).orElse("");
        if (!partStat.equals("ACCEPTED") && !partStat.equals("DECLINED")) {
            throw new Unreadable("PARTSTAT '" + partStat + "' is neither ACCEPTED nor DECLINED");
        }
        String email = attendee.getValue().replaceFirst("(?i)^mailto:", "").toLowerCase(Locale.ROOT);
        return new CalendarReply(Long.parseLong(m.group(1)), email, partStat.equals("ACCEPTED"));
    }

    private static Optional<String> calendarPart(Part part) throws MessagingException, IOException {
        String name = part.getFileName();
        if (part.isMimeType("text/calendar") || part.isMimeType("application/ics")
                || (name != null && name.toLowerCase(Locale.ROOT).endsWith(".ics"))) {
            Object content = part.getContent();
            return Optional.of(content instanceof String s ? s
                    : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = calendarPart(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
