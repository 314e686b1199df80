package io.muster.lifecycle;

import java.util.Map;

import io.muster.common.ProcessTransactions;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** An admin calls a session off; the session-cancellation process does the rest. */
@RestController
class SessionCancellationController {

    private final SessionCancellationFacade cancellation;
    private final SessionService sessions;
    private final ProcessTransactions transactions;

    SessionCancellationController(SessionCancellationFacade cancellation, SessionService sessions,
            ProcessTransactions transactions) {
        this.cancellation = cancellation;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/sessions/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> cancel(@PathVariable long id, @Valid @RequestBody CancelRequest request) {
        String actor = CurrentUser.username();
        return transactions.run(() -> {
            sessions.get(id);
            cancellation.start(id, request.reason(), actor);
            TrainingSession session = sessions.get(id);
            return Map.of("id", id, "status", session.getStatus(), "cancellationReason",
                    session.getCancellationReason());
        });
    }
}
