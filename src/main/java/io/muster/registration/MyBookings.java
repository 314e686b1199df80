package io.muster.registration;

import io.muster.registration.internal.RegistrationFacade;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.muster.common.NotFoundException;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.rules.Decisions;
import io.muster.session.Material;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionType;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the learner pages show of sessions and registrations. A session a person may not see, and
 * a registration that is not theirs, are answered as absent, as the API answers them.
 */
@Component
class MyBookings {

    private final SessionService sessions;
    private final PeopleService people;
    private final RosterService roster;
    private final RegistrationViews registrations;
    private final RegistrationFacade process;
    private final Decisions decisions;
    private final Clock clock;

    MyBookings(SessionService sessions, PeopleService people, RosterService roster, RegistrationViews registrations,
            RegistrationFacade process, Decisions decisions, Clock clock) {
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
        this.registrations = registrations;
        this.process = process;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** A session as a page shows it; the place's online link only to whom it concerns. */
    public record SessionDetail(long id, String title, long courseId, String courseTitle, String shortDescription,
            Instant startsAt, Instant endsAt, int durationMinutes, boolean online, String location, String onlineUrl,
            String trainerName, Integer capacity, Integer seatsLeft, boolean waitingList, boolean approvalRequired,
            SessionStatus status, String cancellationReason, List<Material> materials, boolean bookable) {

        public boolean full() {
            return seatsLeft != null && seatsLeft == 0;
        }
    }

    /** My registration with what the page says about it: the queue position, the approver waited for. */
    public record Mine(RegistrationView registration, Integer queuePosition, String approver) {

        public RegistrationStatus status() {
            return registration.status();
        }

        public boolean canAnswer() {
            return status() == RegistrationStatus.INVITED;
        }

        public boolean canCancel() {
            return status() == RegistrationStatus.REGISTERED || status() == RegistrationStatus.WAITING_LIST
                    || status() == RegistrationStatus.NEEDS_APPROVAL;
        }

        public boolean isLive() {
            return status().isLive();
        }
    }

    public record SessionPage(SessionDetail session, Mine mine) {

        /** Booking is offered when the session is open and I hold no live registration in it. */
        public boolean offersBooking() {
            return session.bookable() && (mine == null || !mine.isLive());
        }

        public boolean offersWaitingList() {
            return offersBooking() && session.full() && session.waitingList();
        }

        public boolean sessionFull() {
            return session.full() && !session.waitingList();
        }
    }

    public record Line(Mine mine, SessionDetail session) {
    }

    @Transactional(readOnly = true)
    SessionPage session(long sessionId, String username, boolean byManager) {
        TrainingSession session = sessions.get(sessionId);
        Optional<Person> me = people.find(username);
        Optional<Registration> latest = me.flatMap(p -> roster.latestOf(sessionId, p.getId()));
        boolean mayOpen = byManager || session.isTrainedBy(username) || latest.isPresent()
                || me.filter(p -> isForMe(session, p)).isPresent();
        if (!mayOpen) {
            throw new NotFoundException("Session", sessionId);
        }
        boolean registered = latest.map(r -> r.getStatus().isLive()).orElse(false);
        return new SessionPage(detail(session, registered || byManager || session.isTrainedBy(username)),
                latest.map(r -> mine(r, username)).orElse(null));
    }

    @Transactional(readOnly = true)
    Line registration(long registrationId, String username, boolean byManager) {
        Registration registration = registrations.visible(registrationId, username, byManager);
        String owner = people.get(registration.getPersonId()).getUsername();
        return new Line(mine(registration, owner),
                detail(sessions.get(registration.getSessionId()), registration.getStatus().isLive()));
    }

    /** Every registration of mine, the latest session first. */
    @Transactional(readOnly = true)
    List<Line> registrationsOf(String username) {
        return people.find(username).map(p -> roster.ofPerson(p.getId()).stream()
                .map(r -> new Line(mine(r, username), detail(sessions.get(r.getSessionId()), r.getStatus().isLive())))
                .toList()).orElse(List.of());
    }

    /** Not a draft and for my department, role and place: open or not, the session is one I may read about. */
    private boolean isForMe(TrainingSession session, Person person) {
        if (session.getStatus() == SessionStatus.DRAFT) {
            return false;
        }
        Decisions.SessionRules rules = Calendar.rules(session, clock.instant());
        return decisions.visibilityFor(person.profile().viewer()).of(Calendar.asIfOpen(rules)).visible();
    }

    private Mine mine(Registration registration, String username) {
        String approver = null;
        if (registration.getStatus() == RegistrationStatus.NEEDS_APPROVAL) {
            String id = process.approverOf(registration.getId());
            approver = id == null ? null : people.find(id).map(Person::getName).orElse(id);
        }
        return new Mine(RegistrationView.of(registration, username), roster.queuePosition(registration), approver);
    }

    private SessionDetail detail(TrainingSession s, boolean showJoinLink) {
        Instant now = clock.instant();
        return new SessionDetail(s.getId(), s.getTitle(), s.getCourse().getId(), s.getCourse().getTitle(),
                s.getShortDescription(), s.getStartsAt(), s.getEndsAt(), s.getDurationMinutes(),
                s.getType() == SessionType.ONLINE, s.getLocation(),
                showJoinLink ? s.getOnlineUrl() : null, s.getTrainer() == null ? null : s.getTrainer().getName(),
                s.getCapacity(), s.getSeatsLeft(), s.isWaitingList(), s.isApprovalRequired(), s.getStatus(),
                s.getCancellationReason(), List.copyOf(s.getMaterials()),
                s.getStatus() == SessionStatus.SCHEDULED && s.getStartsAt().isAfter(now));
    }
}
