package io.muster.course;

import java.util.Optional;

/**
 * A feature that relies on a course's enrolment method (smart enrolment needs ASSIGNMENT_ONLY)
 * and may refuse a change of it. Implemented outside this package, so course depends on none of them.
 */
public interface EnrolmentMethodGuard {

    /** Why the course may not change to this method, or empty when it may. */
    Optional<String> refusal(long courseId, EnrolmentMethod to);
}
