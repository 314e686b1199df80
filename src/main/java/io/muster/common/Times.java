package io.muster.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Muster writes a moment for a person, in pages and mails alike: "Tue 8 Dec 2026, 14:00 GMT". */
public final class Times {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    private Times() {
    }

    /** The instant in the reader's zone, with the zone named. */
    public static String at(Instant instant, ZoneId zone) {
        return AT.format(instant.atZone(zone));
    }
}
