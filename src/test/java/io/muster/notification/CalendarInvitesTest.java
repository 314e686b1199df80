package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar parts as text: folded content lines, parsed back by ical4j as a client would. */
class CalendarInvitesTest {

    private final CalendarInvites invites = new CalendarInvites();

    static CalendarInvites.Event event(ZoneId zone, Instant start, Duration length, String attendeeName) {
        return new CalendarInvites.Event("registration-123456@muster.example.org", 2,
                "Brandschutz für Führungskräfte – Grundlagen und Übungen im Gebäude Süd 🔥",
                "Bitte bringen Sie Ihren Ausweis mit. Treffpunkt: Empfang, Erdgeschoss, neben dem Café.",
                start, start.plus(length), zone, "Schulungsraum Zürich, 3. Stock, Bahnhofstraße 1", null,
                "muster@muster.example.org", "Muster", "zoë.müller-lüdenscheidt@department.example.org",
                attendeeName, false);
    }

    static List<String> lines(String ics) {
        assertThat(ics).endsWith("\r\n");
        return Arrays.asList(ics.split("\r\n"));
    }

    static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().getEntries().toString()).isFalse();
        return calendar;
    }

    @Test
    void everyContentLineIsAtMost75OctetsAndFoldingLosesNothing() throws Exception {
        String name = "Zoë Müller-Lüdenscheidt, Leiterin Arbeitssicherheit und Brandschutz 🧯🧯🧯";
        String ics = invites.request(event(ZoneId.of("Europe/Zurich"), Instant.parse("2027-03-02T08:00:00Z"),
                Duration.ofHours(3), name));

        List<String> lines = lines(ics);
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .as(line).isLessThanOrEqualTo(75));
        assertThat(lines).filteredOn(line -> line.startsWith(" ")).isNotEmpty();
        // no character is cut: each line is whole UTF-8 on its own
        assertThat(lines).allSatisfy(line -> assertThat(
                new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(line)
                .doesNotContain("?"));

        VEvent event = parse(ics).getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getProperty("ATTENDEE").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo(name);
        assertThat(event.getProperty("SUMMARY").map(Property::getValue).orElseThrow())
                .isEqualTo("Brandschutz für Führungskräfte – Grundlagen und Übungen im Gebäude Süd 🔥");
        assertThat(event.getProperty("LOCATION").map(Property::getValue).orElseThrow())
                .isEqualTo("Schulungsraum Zürich, 3. Stock, Bahnhofstraße 1");
    }

    @Test
    void aPublishedEntryForAddToCalendarKeepsTheUidAndNamesNoAttendee() throws Exception {
        CalendarInvites.Event event = event(ZoneId.of("Europe/London"), Instant.parse("2026-12-08T14:00:00Z"),
                Duration.ofHours(2), "Lena Learner");
        Calendar published = parse(invites.publish(event));
        VEvent entry = published.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(published.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
        assertThat(entry.getProperty("UID").map(Property::getValue)).contains(event.uid());
        assertThat(entry.getProperty("ATTENDEE")).isEmpty();
        assertThat(lines(invites.publish(event))).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }

    @ParameterizedTest(name = "{0} from {1} for {2}")
    @CsvSource({
            // winter, summer, across the change to summer time, years ahead
            "Europe/London, 2026-12-08T14:00:00Z, PT2H",
            "Europe/London, 2027-07-15T08:30:00Z, PT7H",
            "Europe/London, 2027-03-27T09:00:00Z, P2D",
            "Europe/London, 2031-10-25T23:30:00Z, PT3H",
            // no daylight saving time, and a half-hour offset
            "Asia/Kolkata, 2026-12-10T04:30:00Z, PT3H",
            "Asia/Kolkata, 2029-06-01T03:30:00Z, P1D",
            // southern hemisphere: summer time over the new year, and across its end in April
            "Australia/Sydney, 2026-12-14T23:00:00Z, PT2H",
            "Australia/Sydney, 2027-04-03T22:00:00Z, P1D",
            "America/New_York, 2027-03-13T15:00:00Z, P2D"})
    void theTimeZoneCoversTheSessionInFewLinesAndGivesBackItsInstants(String zoneId, String startsAt, String length)
            throws Exception {
        ZoneId zone = ZoneId.of(zoneId);
        Instant start = Instant.parse(startsAt);
        Instant end = start.plus(Duration.parse(length));
        String ics = invites.request(event(zone, start, Duration.parse(length), "Zoë"));

        List<String> lines = lines(ics);
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .as(line).isLessThanOrEqualTo(75));
        assertThat(lines.subList(lines.indexOf("BEGIN:VTIMEZONE"), lines.indexOf("END:VTIMEZONE") + 1))
                .hasSizeLessThan(40);

        Calendar calendar = parse(ics);
        VEvent event = calendar.getComponent("VEVENT").map(VEvent.class::cast).orElseThrow();
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo(zoneId);
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(start);
        assertThat(Instant.from(event.getDateTimeEnd().getDate())).isEqualTo(end);
        assertThat(calendar.getComponent("VTIMEZONE").map(VTimeZone.class::cast).orElseThrow()
                .getProperty("TZID").map(Property::getValue).orElseThrow()).isEqualTo(zoneId);
    }
}
