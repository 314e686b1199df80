package io.muster.web;

import io.muster.common.Organisation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.muster.common.Times;
import io.muster.people.PeopleService;
import io.muster.security.CurrentUser;
import jakarta.servlet.RequestDispatcher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What every page needs of its viewer, looked up once per request: pages call it as
 * {@code @page} ({@code ${@page.at(session.startsAt)}}), controllers as a bean. Times are always
 * in the viewer's own zone with the zone named, "Tue 8 Dec 2026, 14:00 GMT".
 */
@Component("page")
public class PageContext {

    private static final String VIEWER = PageContext.class.getName() + ".viewer";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final PeopleService people;
    private final ZoneId organisationZone;
    private final Clock clock;

    PageContext(PeopleService people, Organisation organisation, Clock clock) {
        this.people = people;
        this.organisationZone = organisation.zone();
        this.clock = clock;
    }

    /** The signed-in person; an account without a Muster profile sees times in the organisation's zone. */
    public Viewer viewer() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Viewer cached = request == null ? null : (Viewer) request.getAttribute(VIEWER, RequestAttributes.SCOPE_REQUEST);
        if (cached != null) {
            return cached;
        }
        String username = CurrentUser.username();
        Viewer withoutProfile = new Viewer(username, username, organisationZone, false);
        Viewer viewer;
        if (request != null && Integer.valueOf(HttpStatus.SERVICE_UNAVAILABLE.value())
                .equals(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST))) {
            // the page that says the database is away must not wait for it
            viewer = withoutProfile;
        } else {
            viewer = people.find(username == null ? "" : username)
                    .map(p -> new Viewer(username, p.getName(), zone(p.getTimeZone()), true))
                    .orElse(withoutProfile);
        }
        if (request != null) {
            request.setAttribute(VIEWER, viewer, RequestAttributes.SCOPE_REQUEST);
        }
        return viewer;
    }

    private ZoneId zone(String zone) {
        return zone == null ? organisationZone : ZoneId.of(zone);
    }

    public ZoneId zone() {
        return viewer().zone();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone());
    }

    /** "Tue 8 Dec 2026, 14:00 GMT". */
    public String at(Instant instant) {
        return instant == null ? "" : Times.at(instant, zone());
    }

    /** "Tue 8 Dec 2026". */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(local(instant));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "14:00 GMT". */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(local(instant));
    }

    public String month(LocalDate date) {
        return MONTH.format(date);
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local(instant));
    }

    /** "2 h 30 min", "45 min". */
    public String duration(int minutes) {
        Duration d = Duration.ofMinutes(minutes);
        long hours = d.toHours();
        long rest = d.toMinutesPart();
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    /** Whole days from now until the instant (negative once past). */
    public long daysUntil(Instant instant) {
        return Duration.between(clock.instant(), instant).toDays();
    }
}
