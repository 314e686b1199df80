package io.muster.registration;

/** Everything the code knows about bpmn/registration.bpmn: its key, element ids, messages, variables. */
final class RegistrationProcess {

    static final String KEY = "registration";

    /** Every registration the request has decided starts here: one needing an approver waits for them. */
    static final String GATEWAY_APPROVAL_NEEDED = "gateway_approval_needed";
    static final String SERVICE_AWAIT_APPROVAL = "service_await_approval";
    static final String SERVICE_NOTIFY_APPROVER = "service_notify_approver";
    static final String USER_APPROVE_REGISTRATION = "user_approve_registration";
    static final String TIMER_REMIND_APPROVER = "timer_remind_approver";
    static final String SERVICE_REMIND_APPROVER = "service_remind_approver";
    static final String TIMER_SESSION_STARTS_UNAPPROVED = "timer_session_starts_unapproved";
    static final String SERVICE_EXPIRE_APPROVAL = "service_expire_approval";
    static final String SERVICE_DECLINE_APPROVAL = "service_decline_approval";
    static final String SERVICE_NOTIFY_APPROVAL_DECLINED = "service_notify_approval_declined";
    static final String SERVICE_TAKE_APPROVED_SEAT = "service_take_approved_seat";
    static final String SERVICE_NOTIFY_REGISTERED = "service_notify_registered";
    static final String SERVICE_NOTIFY_WAITING_LIST = "service_notify_waiting_list";
    static final String SERVICE_NOTIFY_CANCELLED = "service_notify_cancelled";
    static final String EVENT_WAITING = "gateway_waiting_list";
    static final String EVENT_REGISTERED = "gateway_registered";
    static final String TIMER_SESSION_OVER = "timer_session_over";
    static final String TIMER_REMINDER_DUE = "timer_reminder_due";
    static final String SERVICE_NOTIFY_REMINDER = "service_notify_reminder";
    static final String EVENT_REMINDED = "gateway_reminded";
    static final String END_APPROVAL_DECLINED = "end_approval_declined";
    static final String END_APPROVAL_EXPIRED = "end_approval_expired";
    static final String END_CANCELLED = "end_cancelled";
    static final String END_OFFER_NOT_TAKEN = "end_offer_not_taken";
    static final String END_SESSION_OVER = "end_session_over";
    static final String END_ATTENDED = "end_attended";
    static final String END_FULL_AFTER_APPROVAL = "end_full_after_approval";

    // Invitations to learners added while the session was a DRAFT (a second start, by message).
    static final String START_INVITED = "start_invited";
    static final String SERVICE_INVITE_LEARNER = "service_invite_learner";
    static final String SERVICE_NOTIFY_INVITATION = "service_notify_invitation";
    static final String EVENT_INVITATION_ANSWER = "gateway_invitation_answer";
    static final String SERVICE_ACCEPT_INVITATION = "service_accept_invitation";
    static final String SERVICE_DECLINE_INVITATION = "service_decline_invitation";
    static final String TIMER_INVITATION_UNANSWERED = "timer_invitation_unanswered";
    static final String SERVICE_EXPIRE_INVITATION = "service_expire_invitation";
    static final String END_INVITATION_DECLINED = "end_invitation_declined";
    static final String END_INVITATION_EXPIRED = "end_invitation_expired";

    /** The learner or an admin cancelled; the roster has already ended the registration. */
    static final String MESSAGE_CANCELLED = "registration-cancelled";
    /** A waiting-list offer was accepted: the registration now holds a seat. */
    static final String MESSAGE_PROMOTED = "registration-promoted";
    /** Attendance was recorded for the registration: its process ends. */
    static final String MESSAGE_ATTENDED = "registration-attended";
    /** The session moved: timers are re-armed from the new start and end. */
    static final String MESSAGE_RESCHEDULED = "registration-rescheduled";
    /** A waiting-list offer was declined or expired: the registration has ended. */
    static final String MESSAGE_OFFER_NOT_TAKEN = "registration-offer-not-taken";

    /** Starts a registration for a learner added to a DRAFT session, once the session is published. */
    static final String MESSAGE_INVITED = "registration-invited";
    /** The learner accepted the invitation (API or calendar reply). */
    static final String MESSAGE_INVITATION_ACCEPTED = "registration-invitation-accepted";
    /** The learner declined the invitation (API or calendar reply). */
    static final String MESSAGE_INVITATION_DECLINED = "registration-invitation-declined";

    static final String VAR_SESSION_ID = "sessionId";
    static final String VAR_PERSON_ID = "personId";
    static final String VAR_METHOD = "method";
    static final String VAR_ACTOR = "actor";
    static final String VAR_REGISTRATION_ID = "registrationId";
    static final String VAR_STATUS = "status";
    static final String VAR_APPROVER = "approver";
    static final String VAR_APPROVER_KIND = "approverKind";
    static final String VAR_REASON = "reason";
    static final String VAR_APPROVED = "approved";
    static final String VAR_COMMENT = "comment";
    static final String VAR_SESSION_STARTS_AT = "sessionStartsAt";
    static final String VAR_SESSION_ENDS_AT = "sessionEndsAt";
    static final String VAR_APPROVAL_REMINDER = "approvalReminder";
    static final String VAR_REMINDER_AT = "reminderAt";
    static final String VAR_LEARNER_NAME = "learnerName";
    static final String VAR_SESSION_TITLE = "sessionTitle";
    static final String VAR_SESSION_START_TEXT = "sessionStart";
    static final String VAR_SEATS_LEFT = "seatsLeft";
    static final String VAR_MAIL_TYPE = "mailType";

    private RegistrationProcess() {
    }
}
