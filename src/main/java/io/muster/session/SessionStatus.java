package io.muster.session;

public enum SessionStatus {
    DRAFT, SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED;

    /** Details may change until the session is over or called off. */
    boolean isEditable() {
        return this == DRAFT || this == SCHEDULED;
    }
}
