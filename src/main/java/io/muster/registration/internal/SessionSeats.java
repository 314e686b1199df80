package io.muster.registration.internal;

import java.time.Instant;

import io.muster.session.SessionStatus;

/**
 * A session's seats as the roster sees them while holding the session row's lock.
 *
 * @param capacity   null: unlimited
 * @param seatsTaken seats held by registrations and open offers
 * @param queued     registrations on the waiting list
 */
public record SessionSeats(long sessionId, Integer capacity, int seatsTaken, boolean waitingList, SessionStatus status,
        Instant startsAt, Instant endsAt, long queued) {

    public boolean hasFreeSeat() {
        return capacity == null || seatsTaken < capacity;
    }
}
