package io.muster.pathway;

import java.net.URI;
import java.util.List;

import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins define pathways; learners read their own progress along them. */
@Tag(name = "Pathways", description = "Learning pathways: ordered steps of courses and groups of sessions.")
@RestController
class PathwayController {

    private final PathwayService service;

    PathwayController(PathwayService service) {
        this.service = service;
    }

    record StepView(int position, PathwayStep.Kind kind, Long courseId, java.util.Set<Long> sessionIds,
            PathwayStep.Rule rule) {
    }

    record PathwayView(long id, String title, List<StepView> steps) {

        static PathwayView of(Pathway p) {
            return new PathwayView(p.getId(), p.getTitle(), p.getSteps().stream()
                    .map(s -> new StepView(s.getPosition(), s.getKind(), s.getCourseId(),
                            s.getKind() == PathwayStep.Kind.SESSIONS ? s.getSessionIds() : null, s.getRule()))
                    .toList());
        }
    }

    @PostMapping("/api/pathways")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Create a pathway")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<PathwayView> create(@Valid @RequestBody PathwayRequest r) {
        Pathway pathway = service.create(r.title(), r.specs(), CurrentUser.username());
        return ResponseEntity.created(URI.create("/api/pathways/" + pathway.getId())).body(PathwayView.of(pathway));
    }

    @PutMapping("/api/pathways/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(summary = "Change a pathway")
    PathwayView update(@PathVariable long id, @Valid @RequestBody PathwayRequest r) {
        return PathwayView.of(service.update(id, r.title(), r.specs()));
    }

    @DeleteMapping("/api/pathways/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete a pathway")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/pathways/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    @Operation(summary = "Read a pathway")
    PathwayView get(@PathVariable long id) {
        return PathwayView.of(service.get(id));
    }

    /** My progress: per step (attended sessions, done) and overall, each step weighing the same. */
    @GetMapping("/api/me/pathways/{id}")
    @Operation(summary = "Follow your progress along a pathway")
    PathwayService.Progress mine(@PathVariable long id) {
        return service.progressOf(id, CurrentUser.username());
    }
}
