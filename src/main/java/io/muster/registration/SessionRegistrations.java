package io.muster.registration;

import java.util.Date;
import java.util.List;

import io.muster.registration.internal.RegistrationFacade;
import io.muster.registration.internal.WaitlistPromotionFacade;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens to a session's registrations when the session is called off, moved or held. */
@Service
public class SessionRegistrations {

    private final SessionService sessions;
    private final RosterService roster;
    private final RegistrationFacade registrationProcess;
    private final WaitlistPromotionFacade promotionProcess;

    SessionRegistrations(SessionService sessions, RosterService roster, RegistrationFacade registrationProcess,
            WaitlistPromotionFacade promotionProcess) {
        this.sessions = sessions;
        this.roster = roster;
        this.registrationProcess = registrationProcess;
        this.promotionProcess = promotionProcess;
    }

    /**
     * A cancelled session: every live registration ends with the reason, and its process tells
     * the learner (with a calendar CANCEL where they had an invitation); open seat offers end.
     */
    @Transactional
    public int endAllFor(long sessionId, String actor, String reason) {
        List<Long> ended = roster.cancelAllOf(sessionId, actor, reason);
        ended.forEach(registrationProcess::cancelled);
        promotionProcess.endAllFor(sessionId, reason);
        return ended.size();
    }

    /** The session moved: every live registration's timers (reminder, end) follow it. */
    @Transactional
    public void rescheduled(long sessionId) {
        TrainingSession session = sessions.get(sessionId);
        Date startsAt = Date.from(session.getStartsAt());
        Date endsAt = Date.from(session.getEndsAt());
        roster.rosterOf(sessionId).stream().filter(r -> r.getStatus().isLive())
                .forEach(r -> registrationProcess.rescheduled(r.getId(), startsAt, endsAt));
    }

    /** Attendance ends each learner's registration process. */
    @Transactional
    public void attended(List<Long> registrationIds) {
        registrationIds.forEach(registrationProcess::attended);
    }
}
