package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.muster.registration.SessionsPage.Filter;
import io.muster.session.UpcomingSessions.Audience;
import io.muster.session.UpcomingSessions.Upcoming;
import org.junit.jupiter.api.Test;

/** The sessions page's filters: dates are whole days in the viewer's zone; what does not parse is named and ignored. */
class SessionsPageFilterTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Upcoming session(long id, long courseId, String startsAt, String type, String location) {
        Instant start = Instant.parse(startsAt);
        return new Upcoming(id, courseId, "Course", "Session " + id, null, start, start.plusSeconds(3600),
                "Europe/London", 60, type, location, null, null, 10, 0, false, false, "SCHEDULED",
                new Audience(List.of(), List.of(), List.of()));
    }

    private static final List<Upcoming> SESSIONS = List.of(
            // 8 Dec 23:30 in New York, already 9 Dec in London
            session(1, 10, "2026-12-09T04:30:00Z", "IN_PERSON", "Leeds"),
            session(2, 10, "2026-12-09T15:00:00Z", "ONLINE", null),
            session(3, 20, "2026-12-10T05:30:00Z", "IN_PERSON", "York"));

    private static List<Long> shown(Filter filter) {
        return SESSIONS.stream().filter(filter.read().test(NEW_YORK)).map(Upcoming::id).toList();
    }

    @Test
    void datesAreWholeDaysInTheViewersZoneBothEndsIncluded() {
        assertThat(shown(new Filter(null, null, null, "2026-12-09", "2026-12-09", null, null, null)))
                .containsExactly(2L);
        assertThat(shown(new Filter(null, null, null, "2026-12-08", "2026-12-10", null, null, null)))
                .containsExactly(1L, 2L, 3L);
        assertThat(shown(new Filter(null, null, null, null, "2026-12-08", null, null, null))).containsExactly(1L);
    }

    @Test
    void courseTypeAndLocationCombine() {
        assertThat(shown(new Filter("10", "IN_PERSON", null, null, null, null, null, null))).containsExactly(1L);
        assertThat(shown(new Filter(null, null, "York", null, null, null, null, null))).containsExactly(3L);
        assertThat(shown(new Filter("", "", "", "", "", null, null, null))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aValueThatDoesNotParseIsNamedAndFiltersNothing() {
        Filter typo = new Filter("ten", null, null, "yesterday", "2026-12-09", null, "2026-13", "-x");
        assertThat(typo.read().invalid()).containsExactly("course", "from", "month", "offset");
        assertThat(shown(typo)).containsExactly(1L, 2L);
        assertThat(typo.read().start()).isZero();
    }
}
