package io.muster.registration;

/** Everything the code knows about bpmn/waitlist-promotion.bpmn. */
final class WaitlistPromotionProcess {

    static final String KEY = "waitlist-promotion";

    static final String SERVICE_OFFER_SEAT = "service_offer_seat";
    static final String GATEWAY_SOMEONE_WAITING = "gateway_someone_waiting";
    static final String SERVICE_NOTIFY_OFFER = "service_notify_offer";
    static final String EVENT_OFFER_ANSWER = "gateway_offer_answer";
    static final String TIMER_OFFER_EXPIRES = "timer_offer_expires";
    static final String SERVICE_CONFIRM_OFFER = "service_confirm_offer";
    static final String SERVICE_CLOSE_OFFER = "service_close_offer";
    static final String END_SEAT_FILLED = "end_seat_filled";
    static final String END_SEAT_RELEASED = "end_seat_released";

    static final String MESSAGE_OFFER_ACCEPTED = "waitlist-offer-accepted";
    static final String MESSAGE_OFFER_DECLINED = "waitlist-offer-declined";

    static final String VAR_SESSION_ID = "sessionId";
    /** The registration the seat is currently offered to; changes as the offer moves down the queue. */
    static final String VAR_REGISTRATION_ID = "registrationId";
    static final String VAR_OFFER_EXPIRES_AT = "offerExpiresAt";
    static final String VAR_OFFER_MADE = "offerMade";
    static final String VAR_ACTOR = "actor";
    static final String VAR_CLOSE_REASON = "closeReason";

    private WaitlistPromotionProcess() {
    }
}
