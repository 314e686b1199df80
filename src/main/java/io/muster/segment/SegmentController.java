package io.muster.segment;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Segments and their smart-enrolment course links: admins only. */
@Tag(name = "Segments",
        description = "Rules over profile fields; the members of a segment are enrolled in its linked courses.")
@RestController
@RequestMapping("/api/segments")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class SegmentController {

    private final SegmentService service;
    private final SegmentMembership membership;
    private final SegmentLinks links;

    SegmentController(SegmentService service, SegmentMembership membership, SegmentLinks links) {
        this.service = service;
        this.membership = membership;
        this.links = links;
    }

    @PostMapping
    @Operation(summary = "Create a segment")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<SegmentView> create(@Valid @RequestBody SegmentRequest r) {
        Segment segment = service.create(r.name(), r.rule());
        return ResponseEntity.created(URI.create("/api/segments/" + segment.getId())).body(view(segment.getId()));
    }

    /** A new name and rule; membership follows at once, enrolments in the background. */
    @PutMapping("/{id}")
    @Operation(summary = "Change a segment's rule")
    ResponseEntity<SegmentView> update(@PathVariable long id, @Valid @RequestBody SegmentRequest r) {
        service.update(id, r.name(), r.rule(), CurrentUser.username());
        return ResponseEntity.ok(view(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a segment")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(id, CurrentUser.username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "List all segments")
    List<SegmentView> all() {
        Map<Long, Long> counts = membership.counts();
        return service.all().stream().map(s -> SegmentView.of(s, counts.getOrDefault(s.getId(), 0L), null)).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "Read a segment")
    SegmentView get(@PathVariable long id) {
        return view(id);
    }

    /** Usernames of the members, in name order, a page at a time; {@code X-Total-Count} says how many in all. */
    @GetMapping("/{id}/members")
    @Transactional(readOnly = true)
    @Operation(summary = "List a segment's members")
    ResponseEntity<List<String>> members(@PathVariable long id, @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        service.get(id);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(membership.count(id)))
                .body(membership.usernames(id, offset, limit));
    }

    @PostMapping("/{id}/courses")
    @Operation(summary = "Link a course to a segment, enrolling its members")
    @ApiResponse(responseCode = "201", description = "Linked")
    ResponseEntity<SegmentView> link(@PathVariable long id, @Valid @RequestBody LinkRequest r) {
        service.link(id, r.courseId(), CurrentUser.username());
        return ResponseEntity.created(URI.create("/api/segments/" + id + "/courses/" + r.courseId())).body(view(id));
    }

    @DeleteMapping("/{id}/courses/{courseId}")
    @Operation(summary = "Unlink a course from a segment")
    @ApiResponse(responseCode = "204", description = "Unlinked")
    ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable long courseId) {
        service.unlink(id, courseId, CurrentUser.username());
        return ResponseEntity.noContent().build();
    }

    private SegmentView view(long id) {
        return SegmentView.of(service.get(id), membership.count(id), links.coursesOf(id));
    }
}
