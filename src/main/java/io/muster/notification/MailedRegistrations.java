package io.muster.notification;

import java.time.Instant;
import java.util.List;

/**
 * What a registration's mail says about it, asked of the booking module that keeps registrations:
 * mail depends on this port, the booking module implements it, so bookings may send mail
 * without the two modules depending on each other.
 */
public interface MailedRegistrations {

    /** The registration, or a NotFoundException. */
    Facts get(long registrationId);

    /** Every registration of the session, in queue order. */
    List<Facts> rosterOf(long sessionId);

    /**
     * One registration as mail reads it.
     *
     * @param registered holds a seat
     * @param invited invited or offered a seat, with no answer yet
     * @param lastReason why it is in its status, as its history says
     */
    record Facts(long id, long sessionId, long personId, boolean registered, boolean invited,
            Instant offerExpiresAt, String lastReason) {
    }
}
