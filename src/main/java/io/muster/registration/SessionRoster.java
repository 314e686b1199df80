package io.muster.registration;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.common.ForbiddenException;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A session's roster with its seats and fill rate, for the API and the coordinator's page. */
@Service
public class SessionRoster {

    /** The statuses that fill a seat for the fill rate. */
    private static final Set<RegistrationStatus> FILLING = EnumSet.of(RegistrationStatus.REGISTERED,
            RegistrationStatus.GO_SHOW, RegistrationStatus.ATTENDED);

    private final RegistrationViews registrations;
    private final SessionService sessions;
    private final RosterService roster;

    SessionRoster(RegistrationViews registrations, SessionService sessions, RosterService roster) {
        this.registrations = registrations;
        this.sessions = sessions;
        this.roster = roster;
    }

    /** Fill rate = (REGISTERED + GO_SHOW + ATTENDED) / capacity; none for an unlimited session. */
    public record Roster(long sessionId, Integer capacity, int seatsTaken, Double fillRate,
            List<RegistrationView> registrations) {
    }

    /** The session's trainer, admins and enrolment managers; anyone else is refused. */
    @Transactional(readOnly = true)
    public Roster of(long sessionId) {
        TrainingSession session = sessions.get(sessionId);
        if (!CurrentUser.managesEnrolments() && !session.isTrainedBy(CurrentUser.username())) {
            throw new ForbiddenException("Only the session's trainer, admins and enrolment managers see its roster");
        }
        List<RegistrationView> lines = registrations.rosterOf(sessionId);
        long attending = lines.stream().filter(r -> FILLING.contains(r.status())).count();
        return new Roster(sessionId, session.getCapacity(), session.getSeatsTaken(),
                fillRate(attending, session.getCapacity()), lines);
    }

    /** The fill rate of each session with a capacity, in one query however many sessions there are. */
    @Transactional(readOnly = true)
    public Map<Long, Double> fillRates(Collection<TrainingSession> list) {
        List<Long> limited = list.stream().filter(s -> s.getCapacity() != null).map(TrainingSession::getId).toList();
        Map<Long, Long> attending = limited.isEmpty() ? Map.of() : roster.countInStatuses(limited, FILLING);
        Map<Long, Double> rates = new HashMap<>();
        list.stream().filter(s -> s.getCapacity() != null).forEach(s -> rates.put(s.getId(),
                fillRate(attending.getOrDefault(s.getId(), 0L), s.getCapacity())));
        return rates;
    }

    private static Double fillRate(long attending, Integer capacity) {
        return capacity == null ? null : (double) attending / capacity;
    }
}
