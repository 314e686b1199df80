package io.muster.notification;

/** The mails Muster sends; each has its template in resources/mail/{template}.txt. */
public enum MailType {
    APPROVAL_REQUEST("approval-request", true, null),
    APPROVAL_REMINDER("approval-reminder", true, null),
    APPROVAL_DECLINED("approval-declined", false, null),
    /** Carries the calendar invitation (iTIP REQUEST). */
    REGISTERED("registered", false, "REQUEST"),
    /** To a learner added while the session was a DRAFT, on publication: a REQUEST awaiting their answer. */
    INVITATION("invitation", false, "REQUEST"),
    /** Before the start, to REGISTERED learners; again after each change of the session. */
    REMINDER("reminder", false, null),
    WAITING_LIST("waiting-list", false, null),
    /** A seat held for the head of the waiting list: a REQUEST awaiting their answer, as an invitation is. */
    SEAT_OFFER("seat-offer", false, "REQUEST"),
    /** Takes the session out of the calendar again (iTIP CANCEL) where an invitation went out. */
    CANCELLED("cancelled", false, "CANCEL"),
    /** Sent by an admin or the trainer from the roster (seed 004's email types). */
    ATTENDANCE_REMINDER("attendance-reminder", false, null),
    FOLLOW_UP("follow-up", false, null),
    CUSTOM("custom", false, null),
    /** The session's date, time or place changed: the same calendar entry, a higher SEQUENCE. */
    SESSION_CHANGED("session-changed", false, "REQUEST"),
    /** To a session's trainer, about the session as a whole. */
    TRAINER_INVITATION("trainer-invitation", false, "REQUEST"),
    TRAINER_SESSION_CANCELLED("trainer-session-cancelled", false, "CANCEL"),
    /** Enrolled on an e-learning course: carries the course's launch link. */
    ENROLLED_ELEARNING("enrolled-elearning", false, null),
    /** Enrolled on an instructor-led course: lists the upcoming sessions the person may book. */
    ENROLLED_ILT("enrolled-ilt", false, null);

    private final String template;
    private final boolean toApprover;
    private final String calendarMethod;

    MailType(String template, boolean toApprover, String calendarMethod) {
        this.template = template;
        this.toApprover = toApprover;
        this.calendarMethod = calendarMethod;
    }

    /** The iTIP method of the calendar part the mail carries, or null for none. */
    String calendarMethod() {
        return calendarMethod;
    }

    String template() {
        return template;
    }

    /** Goes to whoever approves the registration rather than to the learner. */
    boolean toApprover() {
        return toApprover;
    }
}
