package io.muster.course;

import java.net.URI;
import java.util.List;

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

@RestController
@RequestMapping("/api/courses")
class CourseController {

    private final CourseService service;

    CourseController(CourseService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CourseView> create(@Valid @RequestBody CourseRequest r) {
        Course course = service.create(r);
        return ResponseEntity.created(URI.create("/api/courses/" + course.getId())).body(CourseView.of(course));
    }

    /** The catalogue of courses is readable by every signed-in person. */
    @GetMapping
    List<CourseView> all() {
        return service.all().stream().map(CourseView::of).toList();
    }

    @GetMapping("/{id}")
    CourseView get(@PathVariable Long id) {
        return CourseView.of(service.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    CourseView update(@PathVariable Long id, @Valid @RequestBody CourseRequest r) {
        return CourseView.of(service.update(id, r));
    }
}
