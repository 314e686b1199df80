package io.muster.courseitem;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An upload or evaluation as an admin adds it, through the API or the coordinator's course page. */
public record CourseItemRequest(@NotNull CourseItemKind kind, @NotBlank @Size(max = 200) String title,
        @NotNull Boolean required, @Size(max = 50) List<@NotBlank @Size(max = 500) String> questions) {
}
