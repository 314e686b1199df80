package io.muster.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.muster.people.PeopleService;
import io.muster.people.PersonProfile;
import io.muster.registration.RosterService.LiveRegistration;
import io.muster.rules.Decisions;
import io.muster.session.UpcomingSessions;
import io.muster.session.UpcomingSessions.Upcoming;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's calendar, for the API and the sessions page alike: the upcoming sessions
 * session-visibility lets them see, soonest first, with their own live registrations.
 */
@Component
class MyCalendar {

    private final UpcomingSessions upcoming;
    private final PeopleService people;
    private final RosterService roster;
    private final Decisions decisions;
    private final Clock clock;

    MyCalendar(UpcomingSessions upcoming, PeopleService people, RosterService roster, Decisions decisions,
            Clock clock) {
        this.upcoming = upcoming;
        this.people = people;
        this.roster = roster;
        this.decisions = decisions;
        this.clock = clock;
    }

    record Visible(List<Upcoming> sessions, Map<Long, LiveRegistration> mine) {

        LiveRegistration mineOf(Upcoming session) {
            return mine.get(session.id());
        }
    }

    /** What the person sees; an account without a learner profile (an admin's) sees nothing. */
    @Transactional(readOnly = true)
    Visible of(String username) {
        return people.findProfile(username).map(this::of).orElseGet(() -> new Visible(List.of(), Map.of()));
    }

    private Visible of(PersonProfile me) {
        Instant now = clock.instant();
        Decisions.VisibilityCheck visible = decisions.visibilityFor(me.viewer());
        Map<Long, LiveRegistration> mine = roster.liveValuesOf(me.id()).stream()
                .collect(Collectors.toMap(LiveRegistration::sessionId, Function.identity(), (a, b) -> a));
        // Every upcoming session is SCHEDULED and in the future, so its audience alone decides:
        // one look-up per audience (a snapshot holds few), not one per session.
        Map<UpcomingSessions.Audience, Boolean> forMe = new IdentityHashMap<>();
        List<Upcoming> sessions = upcoming.scheduledAfter(now).stream()
                .filter(s -> forMe.computeIfAbsent(s.audience(), a -> visible.of(s.rules(now)).visible()))
                .toList();
        return new Visible(sessions, mine);
    }
}
