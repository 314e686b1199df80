package io.muster.courseitem;

/** What a learner hands in for a course item. */
public enum CourseItemKind {
    /** a file */
    UPLOAD,
    /** answers to the item's questions */
    EVALUATION
}
