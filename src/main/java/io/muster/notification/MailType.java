package io.muster.notification;

/** The mails Muster sends; each has its template in resources/mail/{template}.txt. */
public enum MailType {
    APPROVAL_REQUEST("approval-request", true),
    APPROVAL_REMINDER("approval-reminder", true),
    APPROVAL_DECLINED("approval-declined", false),
    REGISTERED("registered", false),
    WAITING_LIST("waiting-list", false),
    SEAT_OFFER("seat-offer", false),
    CANCELLED("cancelled", false);

    private final String template;
    private final boolean toApprover;

    MailType(String template, boolean toApprover) {
        this.template = template;
        this.toApprover = toApprover;
    }

    String template() {
        return template;
    }

    /** Goes to whoever approves the registration rather than to the learner. */
    boolean toApprover() {
        return toApprover;
    }
}
