package io.muster.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The VTIMEZONE a session's calendar entry needs, cut from ical4j's definition of the zone (some
 * 270 lines for Europe/London, its whole history since 1847): only the observances that apply from
 * a year before the start to a year after the end. That is the observance in effect when the range
 * begins and every observance with an onset within it; for a zone with summer time, its two
 * yearly rules. The TZID stays; the definition's LAST-MODIFIED, TZURL and X- properties go.
 */
final class SessionTimeZone {

    private SessionTimeZone() {
    }

    static VTimeZone around(VTimeZone definition, Instant start, Instant end) {
        // a copy: an observance caches the onsets it computes, and the registry's definitions are shared
        VTimeZone zone = definition.copy();
        Instant from = start.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
        Instant until = end.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        Observance inEffect = zone.getApplicableObservance(from);
        List<Observance> needed = zone.getObservances().stream()
                .filter(observance -> observance == inEffect || hasOnsetBetween(observance, from, until))
                .toList();
        Property tzId = zone.getProperty(Property.TZID).orElseThrow();
        return new VTimeZone(new PropertyList(List.of(tzId)), new ComponentList<>(needed));
    }

    private static boolean hasOnsetBetween(Observance observance, Instant from, Instant until) {
        OffsetDateTime latest = observance.getLatestOnset(until);
        return latest != null && !latest.toInstant().isBefore(from);
    }
}
