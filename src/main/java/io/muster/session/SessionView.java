package io.muster.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A session as admins and trainers see it; times are shown in the session's own zone. */
record SessionView(Long id, Long courseId, String courseCode, String courseTitle, String title,
        String shortDescription, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, int durationMinutes,
        SessionType type, String location, String onlineUrl, String trainerUsername, Integer capacity, int seatsTaken,
        Integer seatsLeft, boolean full, boolean waitingList, boolean approvalRequired, Visibility visibility,
        List<Material> materials, SessionStatus status, String cancellationReason) {

    record Visibility(Set<String> departments, Set<String> jobRoles, Set<String> locations) {
    }

    static SessionView of(TrainingSession s) {
        Integer seatsLeft = s.getSeatsLeft();
        return new SessionView(s.getId(), s.getCourse().getId(), s.getCourse().getCode(), s.getCourse().getTitle(),
                s.getTitle(), s.getShortDescription(), s.getStartsAt().atZone(s.getZone()).toOffsetDateTime(),
                s.getEndsAt().atZone(s.getZone()).toOffsetDateTime(), s.getZone().getId(), s.getDurationMinutes(),
                s.getType(), s.getLocation(), s.getOnlineUrl(),
                s.getTrainer() == null ? null : s.getTrainer().getUsername(), s.getCapacity(), s.getSeatsTaken(),
                seatsLeft, seatsLeft != null && seatsLeft == 0, s.isWaitingList(), s.isApprovalRequired(),
                new Visibility(s.getDepartments(), s.getJobRoles(), s.getLocations()), s.getMaterials(), s.getStatus(),
                s.getCancellationReason());
    }
}
