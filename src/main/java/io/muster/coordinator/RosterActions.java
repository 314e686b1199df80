package io.muster.coordinator;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.muster.people.PeopleService;
import io.muster.registration.Bookings;
import io.muster.registration.Invitations;
import io.muster.registration.RegistrationView;
import io.muster.registration.SessionRoster;
import io.muster.registration.RegistrationMethod;
import io.muster.registration.RegistrationStatus;
import io.muster.rosterops.RosterCopies;
import io.muster.rosterops.StatusUpdates;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionSummary;
import io.muster.session.TrainingSession;
import io.muster.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the roster page does with the lines ticked on it, and with the people picked to add: each
 * through the service the API uses for the same operation. Every line stands alone, so a refused
 * line is reported with the API's reason and the others go on.
 */
@Service
class RosterActions {

    private final SessionService sessions;
    private final SessionRoster rosters;
    private final PeopleService people;
    private final StatusUpdates statusUpdates;
    private final RosterCopies copies;
    private final Bookings bookings;
    private final Invitations invitations;
    private final Clock clock;

    RosterActions(SessionService sessions, SessionRoster rosters, PeopleService people, StatusUpdates statusUpdates,
            RosterCopies copies, Bookings bookings, Invitations invitations, Clock clock) {
        this.sessions = sessions;
        this.rosters = rosters;
        this.people = people;
        this.statusUpdates = statusUpdates;
        this.copies = copies;
        this.bookings = bookings;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** One learner's result: the status they reached, or why their line was refused. */
    public record Line(String name, RegistrationStatus status, String reason) implements Serializable {
    }

    /** What an action did, line by line (kept across the redirect, hence serializable). */
    public record Outcome(List<Line> changed, List<Line> refused) implements Serializable {
    }

    /**
     * What the roster's form offers: the statuses a line may be changed to by hand, the sessions
     * its learners may go to, whether attendance is due, and the lines on the roster by id.
     */
    public record Choices(List<RegistrationStatus> statuses, List<SessionSummary> targets,
            List<RegistrationStatus> copyStatuses, boolean started, Map<Long, String> lines) {

        public boolean hasTarget(long sessionId) {
            return targets.stream().anyMatch(t -> t.id() == sessionId);
        }
    }

    /** Other sessions of the course not yet started (copy and swap stay within a course). */
    @Transactional(readOnly = true)
    Choices choices(long sessionId) {
        TrainingSession session = sessions.get(sessionId);
        Map<Long, String> lines = new LinkedHashMap<>();
        rosters.of(sessionId).registrations().forEach(r -> lines.put(r.id(), r.username()));
        Instant now = clock.instant();
        List<SessionSummary> targets = sessions.ofCourse(session.getCourse().getId()).stream()
                .filter(s -> !s.getId().equals(session.getId()) && s.getStartsAt().isAfter(now)
                        && (s.getStatus() == SessionStatus.DRAFT || s.getStatus() == SessionStatus.SCHEDULED))
                .map(SessionSummary::of).toList();
        boolean started = !session.getStartsAt().isAfter(now) && session.getStatus() != SessionStatus.DRAFT
                && session.getStatus() != SessionStatus.CANCELLED;
        return new Choices(List.copyOf(StatusUpdates.manualTargets()), targets, List.copyOf(RosterCopies.STATUSES),
                started, lines);
    }

    /** Change status and Mark attendance: the roster status operation of the API. */
    Outcome changeStatus(long sessionId, List<Long> registrationIds, RegistrationStatus to, String reason,
            String actor) {
        StatusUpdates.Result result = statusUpdates.update(sessionId, registrationIds, to, reason, actor);
        return new Outcome(result.applied().stream().map(a -> done(a.username(), a.status())).toList(),
                result.refused().stream().map(r -> refused(r.username(), r.reason())).toList());
    }

    /** Copied in the status asked for: the destination's process decides what that leads to. */
    Outcome copy(long sessionId, long targetSessionId, List<Long> registrationIds, RegistrationStatus status,
            String actor) {
        RosterCopies.Result result = copies.copy(sessionId, targetSessionId, registrationIds, List.of(), status,
                actor);
        return new Outcome(result.copied().stream().map(c -> done(c.username(), c.status())).toList(),
                result.refused().stream().map(r -> refused(r.username(), r.reason())).toList());
    }

    /** Each selected line moved by the API's swap, which keeps or refuses the seat as a whole. */
    Outcome swap(Choices choices, long targetSessionId, List<Long> registrationIds, String actor) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        for (long id : new LinkedHashSet<>(registrationIds)) {
            attempt(choices.lines().get(id), () -> bookings.swap(id, targetSessionId, actor), outcome);
        }
        return outcome;
    }

    /** Book: as the API books someone else, one person at a time. */
    Outcome book(long sessionId, List<String> usernames, String actor, boolean byAdmin) {
        return each(usernames, username -> bookings.book(sessionId, username, actor, byAdmin));
    }

    /**
     * Invite: each person gets an invitation they accept or decline (mail and calendar entry), as a
     * roster copy "as Invited" does, instead of a seat at once.
     */
    Outcome invite(long sessionId, List<String> usernames, String actor) {
        return each(usernames, username -> invitations.addForInvitation(sessionId, username, actor,
                RegistrationMethod.ADMIN));
    }

    /** Add to draft: the API's invitees, one person at a time so each is answered on their own. */
    Outcome addToDraft(long sessionId, List<String> usernames, String actor) {
        return each(usernames, username -> invitations.addInvitees(sessionId, List.of(username), actor).get(0));
    }

    /** Each person once, in the order picked, answered on their own. */
    private Outcome each(List<String> usernames, Function<String, RegistrationView> work) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        for (String username : new LinkedHashSet<>(usernames)) {
            attempt(username, () -> work.apply(username), outcome);
        }
        return outcome;
    }

    private void attempt(String username, Supplier<RegistrationView> work, Outcome outcome) {
        RegistrationView result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            outcome.refused().add(refused(username, Refusal.of(e).orElseThrow(() -> e).message()));
            return;
        }
        outcome.changed().add(done(username, result.status()));
    }

    private Line done(String username, RegistrationStatus status) {
        return new Line(nameOf(username), status, null);
    }

    private Line refused(String username, String reason) {
        return new Line(nameOf(username), null, reason);
    }

    private String nameOf(String username) {
        return username == null ? "?" : people.find(username).map(p -> p.getName()).orElse(username);
    }
}
