package io.muster.pathway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/** A learning pathway: ordered steps, each an e-learning course or a group of sessions. */
@Entity
public class Pathway {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String createdBy;
    private Instant createdAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "pathway_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<PathwayStep> steps = new ArrayList<>();

    protected Pathway() {
    }

    Pathway(String title, List<PathwayStep> steps, String createdBy, Instant createdAt) {
        this.title = title;
        this.steps = new ArrayList<>(steps);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void replace(String newTitle, List<PathwayStep> newSteps) {
        title = newTitle;
        steps.clear();
        steps.addAll(newSteps);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public List<PathwayStep> getSteps() {
        return List.copyOf(steps);
    }
}
