package io.muster.course;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Courses",
        description = "The course catalogue: e-learning and instructor-led courses and how learners enrol in them.")
@RestController
@RequestMapping("/api/courses")
class CourseController {

    private final CourseService service;

    CourseController(CourseService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a course")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<CourseView> create(@Valid @RequestBody CourseRequest r) {
        Course course = service.create(r);
        return ResponseEntity.created(URI.create("/api/courses/" + course.getId())).body(CourseView.of(course));
    }

    /** The catalogue of courses is readable by every signed-in person. */
    @GetMapping
    @Operation(summary = "List all courses")
    List<CourseView> all() {
        return service.all().stream().map(CourseView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a course")
    CourseView get(@PathVariable Long id) {
        return CourseView.of(service.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a course")
    CourseView update(@PathVariable Long id, @Valid @RequestBody CourseRequest r) {
        return CourseView.of(service.update(id, r));
    }
}
