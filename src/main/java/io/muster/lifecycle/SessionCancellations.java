package io.muster.lifecycle;

import io.muster.common.ProcessTransactions;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Service;

/** An admin calls a session off, from the API or the coordinator's page; the session-cancellation process does the rest. */
@Service
public class SessionCancellations {

    private final SessionCancellationFacade cancellation;
    private final SessionService sessions;
    private final ProcessTransactions transactions;

    SessionCancellations(SessionCancellationFacade cancellation, SessionService sessions,
            ProcessTransactions transactions) {
        this.cancellation = cancellation;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    public record Cancelled(long id, String status, String reason) {
    }

    public Cancelled cancel(long id, String reason, String actor) {
        return transactions.run(() -> {
            sessions.get(id);
            cancellation.start(id, reason, actor);
            TrainingSession session = sessions.get(id);
            return new Cancelled(id, session.getStatus().name(), session.getCancellationReason());
        });
    }
}
