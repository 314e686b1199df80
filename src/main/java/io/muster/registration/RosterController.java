package io.muster.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A session's roster for admins, enrolment managers and the session's own trainer. */
@Tag(name = "Rosters")
@RestController
class RosterController {

    private final SessionRoster rosters;

    RosterController(SessionRoster rosters) {
        this.rosters = rosters;
    }

    @GetMapping("/api/sessions/{id}/roster")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER', 'TRAINER')")
    @Operation(summary = "List a session's roster")
    SessionRoster.Roster roster(@PathVariable long id) {
        return rosters.of(id);
    }
}
