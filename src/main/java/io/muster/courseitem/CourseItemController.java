package io.muster.courseitem;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.muster.common.NotFoundException;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins add uploads and evaluations to a course; learners hand them in; admins read what was handed in. */
@Tag(name = "Course items", description = "Work inside a course: files learners upload and evaluations they answer.")
@RestController
class CourseItemController {

    private final CourseItems items;

    CourseItemController(CourseItems items) {
        this.items = items;
    }

    record EvaluationRequest(@NotNull @Size(max = 50) List<@NotBlank @Size(max = 2000) String> answers) {
    }

    record Submitted(long itemId, Instant submittedAt) {
    }

    record AnswersView(long itemId, String username, List<String> questions, List<String> answers) {
    }

    @PostMapping("/api/courses/{courseId}/items")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add an upload or evaluation item to a course")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<CourseItems.Item> create(@PathVariable long courseId, @Valid @RequestBody CourseItemRequest r) {
        CourseItems.Item item = items.create(courseId, r.kind(), r.title(), r.required(), r.questions());
        return ResponseEntity.created(URI.create("/api/courses/" + courseId + "/items")).body(item);
    }

    @DeleteMapping("/api/courses/{courseId}/items/{itemId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove an item from a course")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> delete(@PathVariable long courseId, @PathVariable long itemId) {
        items.delete(courseId, itemId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/courses/{courseId}/items")
    @Operation(summary = "List a course's items")
    List<CourseItems.Item> list(@PathVariable long courseId) {
        return items.of(courseId);
    }

    /** The file is the request body as it is, its type the Content-Type header, its name a parameter. */
    @PutMapping("/api/me/course-items/{itemId}/upload")
    @Operation(summary = "Upload your file for a course item")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "*/*",
            schema = @Schema(type = "string", format = "binary", description = "The file itself, as its Content-Type says:"
                    + " one of the upload types (MUSTER_UPLOAD_CONTENT_TYPES)")))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "413",
            description = "The file is larger than the upload limit (MUSTER_UPLOAD_MAX_SIZE)")
    CourseItems.Stored upload(@PathVariable long itemId, @RequestParam(required = false) String fileName,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType, InputStream body) {
        return items.submitUpload(itemId, CurrentUser.username(), fileName, contentType, body);
    }

    @PutMapping("/api/me/course-items/{itemId}/evaluation")
    @Operation(summary = "Submit your answers to an evaluation")
    Submitted evaluation(@PathVariable long itemId, @Valid @RequestBody EvaluationRequest r) {
        return new Submitted(itemId, items.submitEvaluation(itemId, CurrentUser.username(), r.answers()));
    }

    @GetMapping("/api/course-items/{itemId}/uploads/{username}")
    @Operation(summary = "Download the file a learner uploaded")
    ResponseEntity<byte[]> download(@PathVariable long itemId, @PathVariable String username) {
        readable(username);
        CourseItems.Upload upload = items.upload(itemId, username);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(upload.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(upload.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .body(upload.content());
    }

    @GetMapping("/api/course-items/{itemId}/evaluations/{username}")
    @Operation(summary = "Read a learner's evaluation answers")
    AnswersView answers(@PathVariable long itemId, @PathVariable String username) {
        readable(username);
        CourseItems.Item item = items.get(itemId);
        return new AnswersView(itemId, username, item.questions(), items.answers(itemId, username));
    }

    /** Admins and enrolment managers read anyone's submissions, a learner their own; anyone else's are not found. */
    private static void readable(String username) {
        if (!CurrentUser.managesEnrolments() && !username.equals(CurrentUser.username())) {
            throw new NotFoundException("Person", username);
        }
    }
}
