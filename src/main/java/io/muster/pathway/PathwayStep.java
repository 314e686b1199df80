package io.muster.pathway;

import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;

/** One step: an e-learning course to complete, or sessions of which all or any one must be attended. */
@Entity
public class PathwayStep {

    public enum Kind { COURSE, SESSIONS }

    public enum Rule { ALL, ANY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private Long courseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "session_rule")
    private Rule rule;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pathway_step_session", joinColumns = @JoinColumn(name = "step_id"))
    @Column(name = "session_id")
    private Set<Long> sessionIds = new TreeSet<>();

    protected PathwayStep() {
    }

    static PathwayStep course(int position, long courseId) {
        PathwayStep step = new PathwayStep();
        step.position = position;
        step.kind = Kind.COURSE;
        step.courseId = courseId;
        return step;
    }

    static PathwayStep sessions(int position, Set<Long> sessionIds, Rule rule) {
        PathwayStep step = new PathwayStep();
        step.position = position;
        step.kind = Kind.SESSIONS;
        step.sessionIds = new TreeSet<>(sessionIds);
        step.rule = rule;
        return step;
    }

    public int getPosition() {
        return position;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getCourseId() {
        return courseId;
    }

    public Rule getRule() {
        return rule;
    }

    public Set<Long> getSessionIds() {
        return new TreeSet<>(sessionIds);
    }
}
