package io.muster.lifecycle;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import io.muster.common.NotFoundException;
import io.muster.people.PeopleService;
import io.muster.registration.Registration;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionSummary;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the trainer's pages show: the sessions they train, and one session's learners for attendance. */
@Component
class TrainerSessions {

    private final SessionService sessions;
    private final RosterService roster;
    private final PeopleService people;
    private final Clock clock;

    TrainerSessions(SessionService sessions, RosterService roster, PeopleService people, Clock clock) {
        this.sessions = sessions;
        this.roster = roster;
        this.people = people;
        this.clock = clock;
    }

    public record Learner(String username, String name, RegistrationStatus status) {

        /** On the attendance form: registered, or marked already. */
        public boolean attends() {
            return status == RegistrationStatus.REGISTERED || status == RegistrationStatus.ATTENDED
                    || status == RegistrationStatus.ABSENT || status == RegistrationStatus.GO_SHOW;
        }
    }

    public record Detail(SessionSummary session, List<Learner> attendees, List<Learner> others, boolean started) {
    }

    /** The published sessions the person trains, soonest first. */
    @Transactional(readOnly = true)
    List<SessionSummary> of(String trainer) {
        return sessions.search(trainer, null, null).stream().filter(s -> s.getStatus() != SessionStatus.DRAFT)
                .sorted(Comparator.comparing(TrainingSession::getStartsAt)).map(SessionSummary::of).toList();
    }

    /** One session, for its trainer or an admin; to anyone else it is absent. */
    @Transactional(readOnly = true)
    Detail session(long id, String username, boolean admin) {
        TrainingSession session = sessions.get(id);
        if (!admin && !session.isTrainedBy(username)) {
            throw new NotFoundException("Session", id);
        }
        List<Learner> learners = roster.rosterOf(id).stream().filter(r -> r.getStatus().isLive()).map(this::learner)
                .toList();
        boolean started = !session.getStartsAt().isAfter(clock.instant())
                && session.getStatus() != SessionStatus.CANCELLED;
        return new Detail(SessionSummary.of(session), learners.stream().filter(Learner::attends).toList(),
                learners.stream().filter(l -> !l.attends()).toList(), started);
    }

    private Learner learner(Registration r) {
        var person = people.get(r.getPersonId());
        return new Learner(person.getUsername(), person.getName(), r.getStatus());
    }
}
