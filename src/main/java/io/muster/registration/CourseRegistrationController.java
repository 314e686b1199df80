package io.muster.registration;

import java.util.List;

import io.muster.common.ProcessTransactions;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins register one or several learners into one or several sessions of a course in one request. */
@Tag(name = "Registrations")
@RestController
class CourseRegistrationController {

    private final Bookings service;
    private final ProcessTransactions transactions;

    CourseRegistrationController(Bookings service, ProcessTransactions transactions) {
        this.service = service;
        this.transactions = transactions;
    }

    record Request(@NotEmpty @Size(max = 200) List<@NotNull @Size(max = 64) String> usernames,
            @NotEmpty @Size(max = 50) List<@NotNull Long> sessionIds) {
    }

    /** All or nothing: every learner in every session (a seat, the waiting list or an approval), or a refusal. */
    @PostMapping("/api/courses/{courseId}/registrations")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book several learners onto sessions of a course, all or nothing")
    List<RegistrationView> register(@PathVariable long courseId, @Valid @RequestBody Request request) {
        return transactions.run(() -> service.registerAll(courseId, request.sessionIds(), request.usernames(),
                RegistrationMethod.ADMIN, CurrentUser.username(), false));
    }
}
