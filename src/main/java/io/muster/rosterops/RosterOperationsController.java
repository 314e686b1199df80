package io.muster.rosterops;

import java.util.List;

import io.muster.common.ForbiddenException;
import io.muster.common.InvalidInputException;
import io.muster.registration.RegistrationStatus;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Work on a session's roster as a whole: status of selected lines, copy to another session, export. */
@Tag(name = "Rosters")
@RestController
class RosterOperationsController {

    private final StatusUpdates statusUpdates;
    private final RosterCopies copies;
    private final RosterExport export;
    private final SessionService sessions;

    RosterOperationsController(StatusUpdates statusUpdates, RosterCopies copies, RosterExport export,
            SessionService sessions) {
        this.statusUpdates = statusUpdates;
        this.copies = copies;
        this.export = export;
        this.sessions = sessions;
    }

    record StatusRequest(@NotEmpty @Size(max = 500) List<@NotNull Long> registrationIds,
            @NotNull RegistrationStatus status, @Size(max = 1000) String reason) {
    }

    record CopyRequest(@NotNull Long targetSessionId, @Size(max = 500) List<@NotNull Long> registrationIds,
            @Size(max = 500) List<@NotNull @Size(max = 64) String> usernames, RegistrationStatus status) {
    }

    /** 200 with the lines applied (and the status each reached) and the lines refused, each with why. */
    @PostMapping("/api/sessions/{id}/roster/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Operation(summary = "Change the status of several roster lines")
    StatusUpdates.Result updateStatus(@PathVariable long id, @Valid @RequestBody StatusRequest request) {
        return statusUpdates.update(id, request.registrationIds(), request.status(), request.reason(),
                CurrentUser.username());
    }

    /**
     * Copies the selected learners into another session of the same course in the status asked for
     * (REGISTERED by default); the destination's process decides what that leads to.
     */
    @PostMapping("/api/sessions/{id}/roster/copy")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Operation(summary = "Copy learners from this roster into another session")
    RosterCopies.Result copy(@PathVariable long id, @Valid @RequestBody CopyRequest request) {
        List<Long> ids = request.registrationIds() == null ? List.of() : request.registrationIds();
        List<String> usernames = request.usernames() == null ? List.of() : request.usernames();
        if (ids.isEmpty() && usernames.isEmpty()) {
            throw new InvalidInputException("registrationIds", "give registrationIds or usernames");
        }
        RegistrationStatus status = request.status() == null ? RegistrationStatus.REGISTERED : request.status();
        if (!RosterCopies.STATUSES.contains(status)) {
            throw new InvalidInputException("status", "must be REGISTERED, WAITING_LIST, INVITED or NOT_INVITED");
        }
        return copies.copy(id, request.targetSessionId(), ids, usernames, status, CurrentUser.username());
    }

    @GetMapping("/api/sessions/{id}/roster.xlsx")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER', 'TRAINER')")
    @Transactional(readOnly = true)
    @Operation(summary = "Download the roster as an Excel workbook")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        TrainingSession session = sessions.get(id);
        if (!CurrentUser.managesEnrolments() && !session.isTrainedBy(CurrentUser.username())) {
            throw new ForbiddenException("Only the session's trainer, admins and enrolment managers export its roster");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, RosterExport.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("roster-" + id + ".xlsx").build().toString())
                .body(export.workbook(session));
    }
}
