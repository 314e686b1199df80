package io.muster.pathway;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A pathway's title and steps as the API and the coordinator's page ask for them; both check them with these rules. */
public record PathwayRequest(@NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid StepRequest> steps) {

    /** The steps as the service takes them. */
    public List<PathwayService.StepSpec> specs() {
        return steps.stream().map(s -> new PathwayService.StepSpec(s.courseId(), s.sessionIds(), s.rule())).toList();
    }

    /** A step: an e-learning course, or sessions with a rule. */
    public record StepRequest(Long courseId, @Size(max = 100) List<@NotNull Long> sessionIds, PathwayStep.Rule rule) {
    }
}
