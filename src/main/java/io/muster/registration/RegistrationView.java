package io.muster.registration;

import java.time.Instant;
import java.util.List;


/** A registration as its learner and admins see it, with its whole history. */
public record RegistrationView(long id, long sessionId, String username, RegistrationStatus status, RegistrationMethod method,
        Instant requestedAt, Instant offerExpiresAt, List<Change> history) {

    public record Change(RegistrationStatus from, RegistrationStatus to, Instant at, String by, String why) {
    }

    static RegistrationView of(Registration r, String username) {
        return new RegistrationView(r.getId(), r.getSessionId(), username, r.getStatus(), r.getMethod(),
                r.getRequestedAt(), r.getOfferExpiresAt(), r.getHistory().stream()
                        .map(c -> new Change(c.getFromStatus(), c.getToStatus(), c.getChangedAt(), c.getChangedBy(),
                                c.getReason()))
                        .toList());
    }
}
