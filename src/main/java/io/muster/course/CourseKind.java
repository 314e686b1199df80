package io.muster.course;

public enum CourseKind {
    ELEARNING, ILT
}
