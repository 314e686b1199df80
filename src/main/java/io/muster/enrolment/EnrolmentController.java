package io.muster.enrolment;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.muster.common.NotFoundException;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Enrolments")
@RestController
class EnrolmentController {

    private final EnrolmentService enrolments;
    private final PeopleService people;

    EnrolmentController(EnrolmentService enrolments, PeopleService people) {
        this.enrolments = enrolments;
        this.people = people;
    }

    /** An enrolment as admins and its person see it: status, sources, how and when it was made. */
    record EnrolmentView(long id, long courseId, EnrolmentStatus status, Set<String> sources, String method,
            Instant enrolledAt, int progress, Instant completedAt, Instant endedAt) {
        static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.getId(), e.getCourseId(), e.getStatus(), new TreeSet<>(e.getSources()),
                    e.getMethodLabel(), e.getEnrolledAt(), e.getProgress(), e.getCompletedAt(), e.getEndedAt());
        }
    }

    /** Admins and enrolment managers read anyone's enrolments, a person their own; anyone else's are not found. */
    @GetMapping("/api/people/{username}/enrolments")
    @Operation(summary = "List a person's course enrolments")
    List<EnrolmentView> of(@PathVariable String username) {
        if (!CurrentUser.managesEnrolments() && !username.equals(CurrentUser.username())) {
            throw new NotFoundException("Person", username);
        }
        Person person = people.get(username);
        return enrolments.enrolmentsOf(person.getId()).stream().map(EnrolmentView::of).toList();
    }

    /** Seed 003: an enrolment can be cancelled unless the course is in progress (409). */
    @PostMapping("/api/enrolments/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Cancel an enrolment")
    EnrolmentView cancel(@PathVariable long id) {
        return EnrolmentView.of(enrolments.cancel(id, CurrentUser.username()));
    }
}
