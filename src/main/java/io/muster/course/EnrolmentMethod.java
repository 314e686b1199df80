package io.muster.course;

/** SELF: learners book on their own. ASSIGNMENT_ONLY: only admins and automation enrol. */
public enum EnrolmentMethod {
    SELF, ASSIGNMENT_ONLY
}
