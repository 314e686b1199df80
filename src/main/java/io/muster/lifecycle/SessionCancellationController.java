package io.muster.lifecycle;

import java.util.Map;

import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An admin calls a session off; the session-cancellation process does the rest. */
@Tag(name = "Sessions")
@RestController
class SessionCancellationController {

    private final SessionCancellations cancellations;

    SessionCancellationController(SessionCancellations cancellations) {
        this.cancellations = cancellations;
    }

    record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/sessions/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Cancel a session and tell its learners")
    Map<String, Object> cancel(@PathVariable long id, @Valid @RequestBody CancelRequest request) {
        SessionCancellations.Cancelled cancelled = cancellations.cancel(id, request.reason(), CurrentUser.username());
        return Map.of("id", id, "status", cancelled.status(), "cancellationReason", cancelled.reason());
    }
}
