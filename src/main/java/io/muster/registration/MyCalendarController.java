package io.muster.registration;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.muster.registration.RosterService.LiveRegistration;
import io.muster.security.CurrentUser;
import io.muster.session.UpcomingSessions.Upcoming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A learner's calendar: the upcoming sessions session-visibility lets them see, with their own status. */
@Tag(name = "My learning",
        description = "The signed-in learner's own view: the upcoming sessions they may book, with their status.")
@RestController
@Validated
class MyCalendarController {

    private final MyCalendar calendar;

    MyCalendarController(MyCalendar calendar) {
        this.calendar = calendar;
    }

    record CalendarEntry(long id, long courseId, String courseTitle, String title, String shortDescription,
            OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, int durationMinutes, String type,
            String location, String onlineUrl, String trainer, Integer capacity, Integer seatsLeft, boolean full,
            boolean waitingList,
            boolean approvalRequired, RegistrationStatus myStatus, Long myRegistrationId) {
    }

    /**
     * The visible upcoming sessions, soonest first, a page at a time: {@code X-Total-Count} says
     * how many there are, a {@code Link} header with rel="next" where the next page is.
     */
    @GetMapping("/api/me/sessions")
    @Operation(summary = "List the upcoming sessions you may book, with your status")
    ResponseEntity<List<CalendarEntry>> mySessions(@RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        // an account without a learner profile (an admin's) has an empty calendar, not a 404 about itself
        MyCalendar.Visible visible = calendar.of(CurrentUser.username());
        List<Upcoming> all = visible.sessions();
        List<CalendarEntry> page = all.stream().skip(offset).limit(limit).map(s -> entry(s, visible.mineOf(s)))
                .toList();
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
                s.timeZone(), s.durationMinutes(), s.type(), s.location(), s.onlineUrl(), s.trainerName(), s.capacity(), seatsLeft,
                seatsLeft != null && seatsLeft == 0, s.waitingList(), s.approvalRequired(),
                mine == null ? null : mine.status(), mine == null ? null : mine.id());
    }
}
