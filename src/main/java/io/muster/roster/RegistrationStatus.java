package io.muster.roster;

import java.util.EnumSet;
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

    public boolean isLive() {
        return !ENDED.contains(this);
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
