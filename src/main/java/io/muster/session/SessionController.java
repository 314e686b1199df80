package io.muster.session;

import java.net.URI;
import java.util.List;

import io.muster.common.ProcessTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin side of the session catalogue (trainers and enrolment managers read it); learners see sessions through their own calendar. */
@Tag(name = "Sessions")
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final SessionService service;
    private final ProcessTransactions transactions;

    SessionController(SessionService service, ProcessTransactions transactions) {
        this.service = service;
        this.transactions = transactions;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Create a session of a course")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<SessionView> create(@Valid @RequestBody SessionRequest r) {
        TrainingSession session = service.create(r.details());
        return ResponseEntity.created(URI.create("/api/sessions/" + session.getId())).body(SessionView.of(session));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER', 'TRAINER')")
    @Transactional(readOnly = true)
    @Operation(summary = "Search sessions by trainer, status or text")
    List<SessionView> search(@RequestParam(required = false) String trainer,
            @RequestParam(required = false) SessionStatus status, @RequestParam(required = false) String q) {
        return service.search(trainer, status, q).stream().map(SessionView::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER', 'TRAINER')")
    @Transactional(readOnly = true)
    @Operation(summary = "Read a session")
    SessionView get(@PathVariable Long id) {
        return SessionView.of(service.get(id));
    }

    /** Moves the session's running processes too, so it repeats when one of their jobs ran at that moment. */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a session")
    SessionView update(@PathVariable Long id, @Valid @RequestBody SessionRequest r) {
        return transactions.run(() -> SessionView.of(service.update(id, r.details())));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete a session")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable Long id) {
        // ends the session's lifecycle, whose first job may be running at that moment
        transactions.run(() -> {
            service.delete(id);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Publish a session and invite its learners")
    SessionView publish(@PathVariable Long id) {
        return SessionView.of(service.publish(id));
    }
}
