package io.muster.training;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.muster.common.InvalidInputException;
import io.muster.course.CourseService;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Training records: admins record completions from before Muster and read anyone's. */
@Tag(name = "Training records", description = "Training a person completed, and when it expires.")
@RestController
@PreAuthorize("hasRole('ADMIN')")
class TrainingRecordController {

    private final TrainingRecords records;
    private final PeopleService people;
    private final CourseService courses;

    TrainingRecordController(TrainingRecords records, PeopleService people, CourseService courses) {
        this.records = records;
        this.people = people;
        this.courses = courses;
    }

    record TrainingRecordRequest(@NotBlank @Size(max = 64) String username, @NotNull Long courseId,
            @NotNull Instant completedAt, Instant expiresAt) {
    }

    record TrainingRecordView(long id, String username, long courseId, Instant completedAt, Instant expiresAt,
            String source) {
        static TrainingRecordView of(TrainingRecord r, String username) {
            return new TrainingRecordView(r.getId(), username, r.getCourseId(), r.getCompletedAt(), r.getExpiresAt(),
                    r.getSource());
        }
    }

    @PostMapping("/api/training-records")
    @Operation(summary = "Record training a person completed")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<TrainingRecordView> record(@Valid @RequestBody TrainingRecordRequest r) {
        Person person = people.find(r.username())
                .orElseThrow(() -> new InvalidInputException("username", "no person " + r.username()));
        if (!courses.exists(r.courseId())) {
            throw new InvalidInputException("courseId", "no course " + r.courseId());
        }
        if (r.expiresAt() != null && !r.expiresAt().isAfter(r.completedAt())) {
            throw new InvalidInputException("expiresAt", "must be after completedAt");
        }
        TrainingRecord saved = records.imported(person.getId(), r.courseId(), r.completedAt(), r.expiresAt());
        return ResponseEntity.created(URI.create("/api/people/" + person.getUsername() + "/training-records"))
                .body(TrainingRecordView.of(saved, person.getUsername()));
    }

    @GetMapping("/api/people/{username}/training-records")
    @Operation(summary = "List a person's training records")
    List<TrainingRecordView> of(@PathVariable String username) {
        Person person = people.get(username);
        return records.of(person.getId()).stream().map(r -> TrainingRecordView.of(r, username)).toList();
    }
}
