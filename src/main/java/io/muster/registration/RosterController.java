package io.muster.registration;

import java.util.List;

import io.muster.common.ForbiddenException;
import io.muster.roster.RegistrationStatus;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A session's roster for admins, enrolment managers and the session's own trainer. */
@RestController
class RosterController {

    private final RegistrationService registrations;
    private final SessionService sessions;

    RosterController(RegistrationService registrations, SessionService sessions) {
        this.registrations = registrations;
        this.sessions = sessions;
    }

    record Roster(long sessionId, Integer capacity, int seatsTaken, Double fillRate, List<RegistrationView> registrations) {
    }

    @GetMapping("/api/sessions/{id}/roster")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER', 'TRAINER')")
    @Transactional(readOnly = true)
    Roster roster(@PathVariable long id) {
        TrainingSession session = sessions.get(id);
        if (!CurrentUser.managesEnrolments() && !session.isTrainedBy(CurrentUser.username())) {
            throw new ForbiddenException("Only the session's trainer, admins and enrolment managers see its roster");
        }
        List<RegistrationView> lines = registrations.rosterOf(id);
        long attending = lines.stream().filter(r -> r.status() == RegistrationStatus.REGISTERED
                || r.status() == RegistrationStatus.GO_SHOW || r.status() == RegistrationStatus.ATTENDED).count();
        Double fillRate = session.getCapacity() == null ? null : (double) attending / session.getCapacity();
        return new Roster(id, session.getCapacity(), session.getSeatsTaken(), fillRate, lines);
    }
}
