package io.muster.registration;

import java.util.List;

import io.muster.common.ForbiddenException;
import io.muster.roster.RegistrationStatus;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A session's roster with its seats and fill rate, for the API and the coordinator's page. */
@Service
public class SessionRoster {

    private final RegistrationService registrations;
    private final SessionService sessions;

    SessionRoster(RegistrationService registrations, SessionService sessions) {
        this.registrations = registrations;
        this.sessions = sessions;
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
        long attending = lines.stream().filter(r -> r.status() == RegistrationStatus.REGISTERED
                || r.status() == RegistrationStatus.GO_SHOW || r.status() == RegistrationStatus.ATTENDED).count();
        Double fillRate = session.getCapacity() == null ? null : (double) attending / session.getCapacity();
        return new Roster(sessionId, session.getCapacity(), session.getSeatsTaken(), fillRate, lines);
    }
}
