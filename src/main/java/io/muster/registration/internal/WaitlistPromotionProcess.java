package io.muster.registration.internal;

import java.util.Date;

import io.muster.process.Variable;

/** Everything the code knows about bpmn/waitlist-promotion.bpmn. */
public final class WaitlistPromotionProcess {

    public static final String KEY = "waitlist-promotion";

    public static final String SERVICE_OFFER_SEAT = "service_offer_seat";
    public static final String GATEWAY_SOMEONE_WAITING = "gateway_someone_waiting";
    public static final String SERVICE_NOTIFY_OFFER = "service_notify_offer";
    public static final String EVENT_OFFER_ANSWER = "gateway_offer_answer";
    public static final String TIMER_OFFER_EXPIRES = "timer_offer_expires";
    public static final String SERVICE_CONFIRM_OFFER = "service_confirm_offer";
    public static final String SERVICE_CLOSE_OFFER = "service_close_offer";
    public static final String END_SEAT_FILLED = "end_seat_filled";
    public static final String END_SEAT_RELEASED = "end_seat_released";

    public static final String MESSAGE_OFFER_ACCEPTED = "waitlist-offer-accepted";
    public static final String MESSAGE_OFFER_DECLINED = "waitlist-offer-declined";

    public static final Variable<Long> SESSION_ID = Variable.of("sessionId", Long.class);
    /** The registration the seat is currently offered to; changes as the offer moves down the queue. */
    public static final Variable<Long> REGISTRATION_ID = Variable.of("registrationId", Long.class);
    public static final Variable<Date> OFFER_EXPIRES_AT = Variable.of("offerExpiresAt", Date.class);
    public static final Variable<Boolean> OFFER_MADE = Variable.of("offerMade", Boolean.class);
    public static final Variable<String> ACTOR = Variable.of("actor", String.class);
    public static final Variable<String> CLOSE_REASON = Variable.of("closeReason", String.class);

    private WaitlistPromotionProcess() {
    }
}
