package io.muster.registration;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A learner's status in one session (seed 004). */
public enum RegistrationStatus {
    NOT_INVITED, INVITED, DECLINED, NEEDS_APPROVAL, APPROVAL_DECLINED, WAITING_LIST, REGISTERED, CANCELLED,
    ABSENT, ATTENDED, GO_SHOW;

    /** Ended registrations: the person may register to the session again. */
    public static final Set<RegistrationStatus> ENDED = EnumSet.of(DECLINED, APPROVAL_DECLINED, CANCELLED);

    /** Open registrations hold a seat or wait for one; ended and attendance-marked ones do not. */
    public static final Set<RegistrationStatus> OPEN = EnumSet.of(NOT_INVITED, INVITED, NEEDS_APPROVAL, WAITING_LIST,
            REGISTERED);

    /** Where a registration may start: added to a draft, invited, booked, queued, awaiting approval, walked in. */
    public static final Set<RegistrationStatus> FIRST = EnumSet.of(NOT_INVITED, INVITED, NEEDS_APPROVAL, REGISTERED,
            WAITING_LIST, GO_SHOW);

    /**
     * The learner-status table (DESIGN.md): from each status, where a registration may go. Every
     * open status may be cancelled (by the learner, an admin or the session's cancellation) and a
     * walk-in may turn any open line into GO_SHOW; REGISTERED to itself records a confirmation.
     */
    private static final Map<RegistrationStatus, Set<RegistrationStatus>> MOVES = new EnumMap<>(Map.of(
            NOT_INVITED, EnumSet.of(INVITED, CANCELLED),
            INVITED, EnumSet.of(REGISTERED, WAITING_LIST, DECLINED, CANCELLED, GO_SHOW),
            NEEDS_APPROVAL, EnumSet.of(REGISTERED, WAITING_LIST, APPROVAL_DECLINED, CANCELLED, GO_SHOW),
            WAITING_LIST, EnumSet.of(INVITED, CANCELLED, GO_SHOW),
            REGISTERED, EnumSet.of(REGISTERED, CANCELLED, ATTENDED, ABSENT, GO_SHOW),
            ATTENDED, EnumSet.of(ABSENT, GO_SHOW),
            ABSENT, EnumSet.of(ATTENDED, GO_SHOW)));

    /** Whether a registration in this status may move to the other; null stands for a new registration. */
    public static boolean allows(RegistrationStatus from, RegistrationStatus to) {
        return from == null ? FIRST.contains(to) : MOVES.getOrDefault(from, Set.of()).contains(to);
    }

    public boolean isLive() {
        return !ENDED.contains(this);
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
