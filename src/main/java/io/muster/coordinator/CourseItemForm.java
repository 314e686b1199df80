package io.muster.coordinator;

import java.util.Arrays;
import java.util.List;

import io.muster.courseitem.CourseItemKind;
import io.muster.courseitem.CourseItemRequest;

/** A new upload or evaluation as typed; an evaluation's questions one per line. */
public class CourseItemForm {

    private CourseItemKind kind;
    private String title;
    private boolean required;
    private String questions;

    /** What the API would be sent: blank lines between questions are left out. */
    CourseItemRequest request() {
        List<String> asked = questions == null ? List.of()
                : Arrays.stream(questions.split("\\R")).map(String::strip).filter(q -> !q.isEmpty()).toList();
        return new CourseItemRequest(kind, title == null ? null : title.strip(), required, asked);
    }

    public CourseItemKind getKind() {
        return kind;
    }

    public void setKind(CourseItemKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getQuestions() {
        return questions;
    }

    public void setQuestions(String questions) {
        this.questions = questions;
    }
}
