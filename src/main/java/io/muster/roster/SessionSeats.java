package io.muster.roster;

import java.time.Instant;

/**
 * A session's seats as the roster sees them while holding the session row's lock.
 *
 * @param capacity   null: unlimited
 * @param seatsTaken seats held by registrations and open offers
 * @param queued     registrations on the waiting list
 */
public record SessionSeats(long sessionId, Integer capacity, int seatsTaken, boolean waitingList, String status,
        Instant startsAt, Instant endsAt, long queued) {

    boolean hasFreeSeat() {
        return capacity == null || seatsTaken < capacity;
    }
}
