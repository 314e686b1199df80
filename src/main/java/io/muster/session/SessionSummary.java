package io.muster.session;

import java.time.Instant;

/**
 * A session as the coordinator's and the trainer's pages list it: values only, read from the
 * entity inside the caller's transaction (course and trainer load lazily).
 */
public record SessionSummary(long id, String title, String courseTitle, Instant startsAt, Instant endsAt,
        int durationMinutes, boolean online, String location, String trainerName, Integer capacity, int seatsTaken,
        boolean waitingList, boolean approvalRequired, SessionStatus status, String cancellationReason) {

    public static SessionSummary of(TrainingSession s) {
        return new SessionSummary(s.getId(), s.getTitle(), s.getCourse().getTitle(), s.getStartsAt(), s.getEndsAt(),
                s.getDurationMinutes(), s.getType() == SessionType.ONLINE, s.getLocation(),
                s.getTrainer() == null ? null : s.getTrainer().getName(), s.getCapacity(), s.getSeatsTaken(),
                s.isWaitingList(), s.isApprovalRequired(), s.getStatus(), s.getCancellationReason());
    }

    public boolean draft() {
        return status == SessionStatus.DRAFT;
    }

    /** Details may still change (the service refuses otherwise). */
    public boolean editable() {
        return status.isEditable();
    }

    public boolean cancellable() {
        return status == SessionStatus.DRAFT || status == SessionStatus.SCHEDULED
                || status == SessionStatus.IN_PROGRESS;
    }
}
