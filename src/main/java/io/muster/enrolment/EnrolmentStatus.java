package io.muster.enrolment;

import java.util.Set;

public enum EnrolmentStatus {
    ENROLLED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED, UNENROLLED;

    /** Ended by an admin or by losing its last source; enrolling again resumes it. */
    static final Set<EnrolmentStatus> ENDED = Set.of(CANCELLED, UNENROLLED);

    public boolean isEnded() {
        return ENDED.contains(this);
    }
}
