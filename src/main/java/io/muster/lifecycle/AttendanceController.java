package io.muster.lifecycle;

import java.util.List;

import io.muster.common.ProcessTransactions;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The session's trainer (or an admin) records who attended, once the session has started. */
@Tag(name = "Attendance", description = "Recording who attended a session, once it has started.")
@RestController
@Validated
class AttendanceController {

    private final AttendanceService attendance;
    private final ProcessTransactions transactions;

    AttendanceController(AttendanceService attendance, ProcessTransactions transactions) {
        this.attendance = attendance;
        this.transactions = transactions;
    }

    /** ATTENDED or ABSENT for registered learners, GO_SHOW for someone who walked in. */
    record Line(@NotBlank @Size(max = 64) String username, @NotNull RegistrationStatus status) {
    }

    @PostMapping("/api/sessions/{id}/attendance")
    @PreAuthorize("hasAnyRole('ADMIN', 'TRAINER')")
    @Operation(summary = "Record who attended, was absent or walked in")
    List<RosterService.Attendance> record(@PathVariable long id,
            @RequestBody @Size(min = 1, max = 1000) List<@Valid Line> lines) {
        for (Line line : lines) {
            if (line.status() != RegistrationStatus.ATTENDED && line.status() != RegistrationStatus.ABSENT
                    && line.status() != RegistrationStatus.GO_SHOW) {
                throw new io.muster.common.InvalidInputException("status", "must be ATTENDED, ABSENT or GO_SHOW");
            }
        }
        String actor = CurrentUser.username();
        boolean admin = CurrentUser.isAdmin();
        return transactions.run(() -> attendance.record(id,
                lines.stream().map(l -> new AttendanceService.Line(l.username(), l.status())).toList(), actor, admin));
    }
}
