package io.muster.registration;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.muster.common.ForbiddenException;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Booking, adding invitees, cancelling and answering seat offers and invitations: learners for themselves, admins and enrolment managers for anyone. */
@Tag(name = "Registrations")
@RestController
class RegistrationController {

    private final Bookings bookings;
    private final Invitations invitations;
    private final Answers answers;
    private final RegistrationViews views;

    RegistrationController(Bookings bookings, Invitations invitations, Answers answers, RegistrationViews views) {
        this.bookings = bookings;
        this.invitations = invitations;
        this.answers = answers;
        this.views = views;
    }

    record BookingRequest(@Size(max = 64) String username) {
    }

    record InviteesRequest(@NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 64) String> usernames) {
    }

    record CancelRequest(@Size(max = 1000) String reason) {
    }

    /** 201 with the status the registration process reached: REGISTERED, WAITING_LIST or NEEDS_APPROVAL. */
    @PostMapping("/api/sessions/{sessionId}/registrations")
    @Operation(summary = "Book a session for yourself or for a learner")
    @ApiResponse(responseCode = "201", description = "Booked: REGISTERED, WAITING_LIST or NEEDS_APPROVAL")
    ResponseEntity<Map<String, Object>> book(@PathVariable long sessionId,
            @Valid @RequestBody(required = false) BookingRequest request) {
        String me = CurrentUser.username();
        boolean admin = CurrentUser.managesEnrolments();
        String username = request == null || request.username() == null ? me : request.username();
        if (!admin && !username.equals(me)) {
            throw new ForbiddenException("Only admins and enrolment managers book other people");
        }
        RegistrationView registration = bookings.book(sessionId, username, me, admin);
        return ResponseEntity.created(URI.create("/api/registrations/" + registration.id()))
                .body(Map.of("id", registration.id(), "status", registration.status()));
    }

    /**
     * Adds learners to a DRAFT session (admins, enrolment managers): 201 with their NOT_INVITED registrations; they
     * get an invitation with a calendar entry when the session is published.
     */
    @PostMapping("/api/sessions/{sessionId}/invitees")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Operation(summary = "Add learners to a draft session, invited when it is published")
    @ApiResponse(responseCode = "201", description = "One NOT_INVITED registration per learner")
    ResponseEntity<List<RegistrationView>> addInvitees(@PathVariable long sessionId,
            @Valid @RequestBody InviteesRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(invitations.addInvitees(sessionId, request.usernames(), CurrentUser.username()));
    }

    @GetMapping("/api/registrations/{id}")
    @Operation(summary = "Read a registration and its history")
    RegistrationView get(@PathVariable long id) {
        return views.view(id, CurrentUser.username(), CurrentUser.managesEnrolments());
    }

    @PostMapping("/api/registrations/{id}/cancel")
    @Operation(summary = "Cancel a registration")
    RegistrationView cancel(@PathVariable long id, @Valid @RequestBody(required = false) CancelRequest request) {
        return bookings.cancel(id, CurrentUser.username(), CurrentUser.managesEnrolments(),
                request == null ? null : request.reason());
    }

    record SwapRequest(@NotNull Long sessionId) {
    }

    /** Admin: moves the registration to another session of its course; the seat moves with it or nothing changes. */
    @PostMapping("/api/registrations/{id}/swap")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Operation(summary = "Move a registration to another session of the course")
    RegistrationView swap(@PathVariable long id, @Valid @RequestBody SwapRequest request) {
        return bookings.swap(id, request.sessionId(), CurrentUser.username());
    }

    /** The attendance reminder's "still coming" link: recorded in the registration's history. */
    @PostMapping("/api/registrations/{id}/confirm")
    @Operation(summary = "Confirm you are still coming")
    RegistrationView confirm(@PathVariable long id) {
        return bookings.confirm(id, CurrentUser.username(), CurrentUser.managesEnrolments());
    }

    @PostMapping("/api/registrations/{id}/accept")
    @Operation(summary = "Accept an invitation or a waiting-list seat offer")
    RegistrationView accept(@PathVariable long id) {
        return answers.accept(id, CurrentUser.username(), CurrentUser.managesEnrolments());
    }

    @PostMapping("/api/registrations/{id}/decline")
    @Operation(summary = "Decline an invitation or a waiting-list seat offer")
    RegistrationView decline(@PathVariable long id) {
        return answers.decline(id, CurrentUser.username(), CurrentUser.managesEnrolments());
    }
}
