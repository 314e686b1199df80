package io.muster.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import io.muster.common.Organisation;
import io.muster.people.PeopleService;
import org.junit.jupiter.api.Test;

/** Every time a page shows is in the viewer's zone, with the zone named. */
class PageContextTest {

    private static final Instant TUESDAY_2PM_UTC = Instant.parse("2026-12-08T14:00:00Z");

    private static PageContext seenFrom(String zone) {
        PeopleService people = mock(PeopleService.class);
        when(people.find(anyString())).thenReturn(Optional.empty());
        return new PageContext(people, new Organisation(ZoneId.of(zone), "http://localhost"), Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"),
                ZoneOffset.UTC));
    }

    @Test
    void aTimeReadsAsDayDateTimeAndZone() {
        assertThat(seenFrom("Europe/London").at(TUESDAY_2PM_UTC)).isEqualTo("Tue 8 Dec 2026, 14:00 GMT");
    }

    @Test
    void theSameInstantIsShownInTheViewersOwnZone() {
        assertThat(seenFrom("America/New_York").at(TUESDAY_2PM_UTC)).isEqualTo("Tue 8 Dec 2026, 09:00 EST");
        assertThat(seenFrom("Asia/Kolkata").at(TUESDAY_2PM_UTC)).isEqualTo("Tue 8 Dec 2026, 19:30 IST");
        assertThat(seenFrom("Pacific/Auckland").day(TUESDAY_2PM_UTC)).isEqualTo("Wed 9 Dec 2026");
    }

    @Test
    void summerTimeIsNamedAsSuch() {
        assertThat(seenFrom("Europe/London").at(Instant.parse("2026-07-01T08:30:00Z")))
                .isEqualTo("Wed 1 Jul 2026, 09:30 BST");
    }

    @Test
    void durationsAndDaysLeftReadPlainly() {
        PageContext page = seenFrom("Europe/London");
        assertThat(page.duration(45)).isEqualTo("45 min");
        assertThat(page.duration(120)).isEqualTo("2 h");
        assertThat(page.duration(150)).isEqualTo("2 h 30 min");
        assertThat(page.daysUntil(Instant.parse("2026-12-08T10:00:00Z"))).isEqualTo(23);
    }
}
