package io.muster.registration;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.muster.people.PeopleService;
import io.muster.people.PersonProfile;
import io.muster.roster.RegistrationStatus;
import io.muster.roster.RosterService;
import io.muster.roster.RosterService.LiveRegistration;
import io.muster.rules.Decisions;
import io.muster.security.CurrentUser;
import io.muster.session.UpcomingSessions;
import io.muster.session.UpcomingSessions.Upcoming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A learner's calendar: the upcoming sessions session-visibility lets them see, with their own status. */
@RestController
@Validated
class MyCalendarController {

    private final UpcomingSessions upcoming;
    private final PeopleService people;
    private final RosterService roster;
    private final Decisions decisions;
    private final Clock clock;

    MyCalendarController(UpcomingSessions upcoming, PeopleService people, RosterService roster, Decisions decisions,
            Clock clock) {
        this.upcoming = upcoming;
        this.people = people;
        this.roster = roster;
        this.decisions = decisions;
        this.clock = clock;
    }

    record CalendarEntry(long id, long courseId, String courseTitle, String title, String shortDescription,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, int durationMinutes, String type,
            String location, String onlineUrl, Integer capacity, Integer seatsLeft, boolean full, boolean waitingList,
            boolean approvalRequired, RegistrationStatus myStatus, Long myRegistrationId) {
    }

    /**
     * The visible upcoming sessions, soonest first, a page at a time: {@code X-Total-Count} says
     * how many there are, a {@code Link} header with rel="next" where the next page is.
     */
    @GetMapping("/api/me/sessions")
    @Transactional(readOnly = true)
    ResponseEntity<List<CalendarEntry>> mySessions(@RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        PersonProfile me = people.profile(CurrentUser.username());
        Instant now = clock.instant();
        Decisions.VisibilityCheck visible = decisions.visibilityFor(me.viewer());
        Map<Long, LiveRegistration> mine = roster.liveValuesOf(me.id()).stream()
                .collect(Collectors.toMap(LiveRegistration::sessionId, Function.identity(), (a, b) -> a));
        // Every upcoming session is SCHEDULED and in the future, so its audience alone decides:
        // one look-up per audience (a snapshot holds few), not one per session.
        Map<UpcomingSessions.Audience, Boolean> forMe = new IdentityHashMap<>();
        List<Upcoming> all = upcoming.scheduledAfter(now).stream()
                .filter(s -> forMe.computeIfAbsent(s.audience(), a -> visible.of(s.rules(now)).visible()))
                .toList();
        List<CalendarEntry> page = all.stream().skip(offset).limit(limit).map(s -> entry(s, mine.get(s.id()))).toList();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count", Integer.toString(all.size()));
        if (offset + limit < all.size()) {
            response.header(HttpHeaders.LINK,
                    "</api/me/sessions?offset=" + (offset + limit) + "&limit=" + limit + ">; rel=\"next\"");
        }
        return response.body(page);
    }

    private static CalendarEntry entry(Upcoming s, LiveRegistration mine) {
        ZoneId zone = ZoneId.of(s.timeZone());
        Integer seatsLeft = s.seatsLeft();
        return new CalendarEntry(s.id(), s.courseId(), s.courseTitle(), s.title(), s.shortDescription(),
                s.startsAt().atZone(zone).toOffsetDateTime(), s.endsAt().atZone(zone).toOffsetDateTime(),
                s.timeZone(), s.durationMinutes(), s.type(), s.location(), s.onlineUrl(), s.capacity(), seatsLeft,
                seatsLeft != null && seatsLeft == 0, s.waitingList(), s.approvalRequired(),
                mine == null ? null : mine.status(), mine == null ? null : mine.id());
    }
}
