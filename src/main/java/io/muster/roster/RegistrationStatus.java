package io.muster.roster;

import java.util.EnumSet;
import java.util.Set;

/** A learner's status in one session (seed 004). */
public enum RegistrationStatus {
    NOT_INVITED, INVITED, DECLINED, NEEDS_APPROVAL, APPROVAL_DECLINED, WAITING_LIST, REGISTERED, CANCELLED,
    ABSENT, ATTENDED, GO_SHOW;

    /** Ended registrations: the person may register to the session again. */
    public static final Set<RegistrationStatus> ENDED = EnumSet.of(DECLINED, APPROVAL_DECLINED, CANCELLED);

    public boolean isLive() {
        return !ENDED.contains(this);
    }
}
