package io.muster.progress;

import java.util.List;

import io.muster.common.NotFoundException;
import io.muster.enrolment.Enrolment;
import io.muster.progress.CourseActivity.LearnerActivity;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The course activity report, one learner's line of it, and marking a learner failed. */
@Tag(name = "Enrolments")
@RestController
class CourseActivityController {

    private final CourseActivity activity;
    private final CourseCompletion completion;

    CourseActivityController(CourseActivity activity, CourseCompletion completion) {
        this.activity = activity;
        this.completion = completion;
    }

    record EnrolmentView(String username, long courseId, String status, int progress) {
    }

    /**
     * Ended registrations (cancelled, declined) are left out of a learner's sessions; a learner is
     * listed while their enrolment lasts (completed and failed included) or while they are in a session.
     */
    @GetMapping("/api/courses/{courseId}/activity")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Operation(summary = "List every enrolled learner's activity in a course")
    List<LearnerActivity> activity(@PathVariable long courseId) {
        return activity.activity(courseId);
    }

    /** One learner's activity on the course: admins and enrolment managers, or the learner themselves. */
    @GetMapping("/api/people/{username}/courses/{courseId}/progress")
    @Operation(summary = "Read a learner's progress in a course")
    LearnerActivity progressOf(@PathVariable String username, @PathVariable long courseId) {
        if (!CurrentUser.managesEnrolments() && !username.equals(CurrentUser.username())) {
            throw new NotFoundException("Person", username);
        }
        return activity.of(username, courseId);
    }

    /** Marks the learner's course failed, where the course allows failure. */
    @PostMapping("/api/courses/{courseId}/enrolments/{username}/fail")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Transactional
    @Operation(summary = "Record that a learner failed a course")
    EnrolmentView fail(@PathVariable long courseId, @PathVariable String username) {
        Enrolment failed = completion.fail(courseId, username);
        return new EnrolmentView(username, courseId, failed.getStatus().name(), failed.getProgress());
    }

}
