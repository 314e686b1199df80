package io.muster.registration.internal;

import java.util.Date;
import java.util.Set;

import io.muster.notification.MailType;
import io.muster.process.Variable;
import io.muster.registration.RegistrationMethod;
import io.muster.registration.RegistrationStatus;
import io.muster.rules.Decisions;

/** Everything the code knows about bpmn/registration.bpmn: its key, element ids, messages, variables. */
public final class RegistrationProcess {

    public static final String KEY = "registration";

    /** How a registration came about; the process's one start event routes on it. */
    public enum Request {
        /** A booking: eligibility, then a seat (or the waiting list when full) or an approver. */
        BOOK,
        /** A booking straight onto the waiting list: eligibility, then the queue or an approver. */
        JOIN_WAITING_LIST,
        /** An invitation to a learner on the roster: they answer it, no eligibility. */
        INVITE
    }

    // top level
    public static final String START = "start_registration_requested";
    public static final String SERVICE_CHECK_ELIGIBILITY = "service_check_eligibility";
    public static final String SERVICE_RESERVE_SEAT = "service_reserve_seat";
    public static final String SUB_GET_APPROVAL = "sub_get_approval";
    public static final String SUB_ANSWER_INVITATION = "sub_answer_invitation";
    public static final String SUB_WAIT_FOR_SEAT = "sub_wait_for_seat";
    public static final String SUB_UNTIL_SESSION_OVER = "sub_until_session_over";
    public static final String SERVICE_NOTIFY_REGISTERED = "service_notify_registered";
    public static final String END_SESSION_OVER = "end_session_over";
    public static final String END_NOT_REGISTERED = "end_not_registered";
    public static final String END_NO_SEAT = "end_no_seat";

    // Get approval
    public static final String SERVICE_AWAIT_APPROVAL = "service_await_approval";
    public static final String SERVICE_NOTIFY_APPROVER = "service_notify_approver";
    public static final String USER_APPROVE_REGISTRATION = "user_approve_registration";
    public static final String TIMER_REMIND_APPROVER = "timer_remind_approver";
    public static final String SERVICE_REMIND_APPROVER = "service_remind_approver";
    public static final String TIMER_SESSION_STARTS_UNAPPROVED = "timer_session_starts_unapproved";
    public static final String SERVICE_EXPIRE_APPROVAL = "service_expire_approval";
    public static final String SERVICE_DECLINE_APPROVAL = "service_decline_approval";
    public static final String SERVICE_NOTIFY_APPROVAL_DECLINED = "service_notify_approval_declined";
    public static final String SERVICE_TAKE_APPROVED_SEAT = "service_take_approved_seat";
    public static final String SERVICE_NOTIFY_FULL_AFTER_APPROVAL = "service_notify_full_after_approval";
    public static final String END_APPROVAL_DECLINED = "end_approval_declined";
    public static final String END_FULL_AFTER_APPROVAL = "end_full_after_approval";

    // Wait for the answer to the invitation
    public static final String SERVICE_INVITE_LEARNER = "service_invite_learner";
    public static final String SERVICE_NOTIFY_INVITATION = "service_notify_invitation";
    public static final String EVENT_INVITATION_ANSWER = "gateway_invitation_answer";
    public static final String SERVICE_ACCEPT_INVITATION = "service_accept_invitation";
    public static final String SERVICE_DECLINE_INVITATION = "service_decline_invitation";
    public static final String TIMER_INVITATION_UNANSWERED = "timer_invitation_unanswered";
    public static final String SERVICE_EXPIRE_INVITATION = "service_expire_invitation";
    public static final String END_INVITATION_DECLINED = "end_invitation_declined";
    public static final String END_INVITATION_EXPIRED = "end_invitation_expired";

    // Wait on the waiting list
    public static final String SERVICE_NOTIFY_WAITING_LIST = "service_notify_waiting_list";
    public static final String EVENT_WAITING = "gateway_waiting_list";
    public static final String TIMER_SESSION_OVER_WAITING = "timer_session_over_waiting";
    public static final String END_OFFER_NOT_TAKEN = "end_offer_not_taken";

    // Wait for the session
    public static final String TIMER_SESSION_OVER = "timer_session_over";
    public static final String TIMER_REMINDER_DUE = "timer_reminder_due";
    public static final String SERVICE_NOTIFY_REMINDER = "service_notify_reminder";

    // event subprocesses: each handled once, whatever the registration is waiting for
    public static final String SERVICE_NOTIFY_CANCELLED = "service_notify_cancelled";
    public static final String END_CANCELLED = "end_cancelled";
    public static final String END_ATTENDED = "end_attended";

    /**
     * The timers that fall at the session's start or end (or the reminder before it): a moved
     * session re-arms them from the new times instead of every wait catching a message of its own.
     */
    public static final Set<String> TIMERS_FOLLOWING_THE_SESSION = Set.of(TIMER_REMINDER_DUE, TIMER_SESSION_OVER,
            TIMER_SESSION_OVER_WAITING, TIMER_SESSION_STARTS_UNAPPROVED, TIMER_INVITATION_UNANSWERED);

    /** The learner or an admin cancelled; the roster has already ended the registration. */
    public static final String MESSAGE_CANCELLED = "registration-cancelled";
    /** A waiting-list offer was accepted: the registration now holds a seat. */
    public static final String MESSAGE_PROMOTED = "registration-promoted";
    /** Attendance was recorded for the registration: its process ends. */
    public static final String MESSAGE_ATTENDED = "registration-attended";
    /** A waiting-list offer was declined or expired: the registration has ended. */
    public static final String MESSAGE_OFFER_NOT_TAKEN = "registration-offer-not-taken";
    /** The learner accepted the invitation (API or calendar reply). */
    public static final String MESSAGE_INVITATION_ACCEPTED = "registration-invitation-accepted";
    /** The learner declined the invitation (API or calendar reply). */
    public static final String MESSAGE_INVITATION_DECLINED = "registration-invitation-declined";

    public static final Variable<Long> SESSION_ID = Variable.of("sessionId", Long.class);
    public static final Variable<Long> PERSON_ID = Variable.of("personId", Long.class);
    public static final Variable<Long> REGISTRATION_ID = Variable.of("registrationId", Long.class);
    public static final Variable<RegistrationMethod> METHOD = Variable.ofEnum("method", RegistrationMethod.class);
    public static final Variable<String> ACTOR = Variable.of("actor", String.class);
    public static final Variable<Request> REQUEST = Variable.ofEnum("request", Request.class);
    public static final Variable<Decisions.Outcome> ELIGIBILITY = Variable.ofEnum("eligibility", Decisions.Outcome.class);
    /** The registration's status as the roster last answered the process; gateways route on it. */
    public static final Variable<RegistrationStatus> STATUS = Variable.ofEnum("status", RegistrationStatus.class);
    public static final Variable<String> APPROVER = Variable.of("approver", String.class);
    public static final Variable<Decisions.ApproverKind> APPROVER_KIND =
            Variable.ofEnum("approverKind", Decisions.ApproverKind.class);
    /** Why approval is needed (the decision's reason), or an activity's own reason for ending the registration. */
    public static final Variable<String> REASON = Variable.of("reason", String.class);
    /** Set by the approver's form. */
    public static final Variable<Boolean> APPROVED = Variable.of("approved", Boolean.class);
    public static final Variable<String> COMMENT = Variable.of("comment", String.class);
    public static final Variable<Date> SESSION_STARTS_AT = Variable.of("sessionStartsAt", Date.class);
    public static final Variable<Date> SESSION_ENDS_AT = Variable.of("sessionEndsAt", Date.class);
    /** An ISO-8601 duration: how long the approver has before a reminder. */
    public static final Variable<String> APPROVAL_REMINDER = Variable.of("approvalReminder", String.class);
    public static final Variable<Date> REMINDER_AT = Variable.of("reminderAt", Date.class);
    // what the approver's task shows
    public static final Variable<String> LEARNER_NAME = Variable.of("learnerName", String.class);
    public static final Variable<String> SESSION_TITLE = Variable.of("sessionTitle", String.class);
    public static final Variable<String> SESSION_START_TEXT = Variable.of("sessionStart", String.class);
    public static final Variable<String> SEATS_LEFT = Variable.of("seatsLeft", String.class);
    /** Each mail task's input parameter: which mail it sends. */
    public static final Variable<MailType> MAIL_TYPE = Variable.ofEnum("mailType", MailType.class);

    private RegistrationProcess() {
    }
}
