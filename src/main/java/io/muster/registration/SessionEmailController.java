package io.muster.registration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.muster.common.ConflictException;
import io.muster.notification.MailType;
import io.muster.notification.Notifications;
import io.muster.common.ForbiddenException;
import io.muster.common.InvalidInputException;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The email types of seed 004 that admins and the session's trainer send to chosen learners:
 * each type has a condition on the recipient's status, and a request with any recipient who
 * does not meet it is refused whole.
 */
@Tag(name = "Sessions")
@RestController
class SessionEmailController {

    enum EmailType {
        /** With confirm and decline links; only to REGISTERED learners. */
        ATTENDANCE_REMINDER(MailType.ATTENDANCE_REMINDER, EnumSet.of(RegistrationStatus.REGISTERED)),
        /** After the session; only to those who attended or walked in. */
        FOLLOW_UP(MailType.FOLLOW_UP, EnumSet.of(RegistrationStatus.ATTENDED, RegistrationStatus.GO_SHOW)),
        /** To anyone on the roster. */
        CUSTOM(MailType.CUSTOM, EnumSet.allOf(RegistrationStatus.class));

        final MailType mail;
        final Set<RegistrationStatus> allowed;

        EmailType(MailType mail, Set<RegistrationStatus> allowed) {
            this.mail = mail;
            this.allowed = allowed;
        }
    }

    record EmailRequest(@NotNull EmailType type, @NotEmpty @Size(max = 1000) List<@NotNull String> usernames,
            @Size(max = 5000) String text) {
    }

    private final SessionService sessions;
    private final RosterService roster;
    private final PeopleService people;
    private final Notifications notifications;

    SessionEmailController(SessionService sessions, RosterService roster, PeopleService people,
            Notifications notifications) {
        this.sessions = sessions;
        this.roster = roster;
        this.people = people;
        this.notifications = notifications;
    }

    /**
     * Sends the mail to every named learner. An {@code Idempotency-Key} header makes a repeated
     * request send nothing twice.
     */
    @PostMapping("/api/sessions/{id}/emails")
    @PreAuthorize("hasAnyRole('ADMIN', 'TRAINER')")
    @Transactional
    @Operation(summary = "Email a session's learners: reminder, follow-up or your own text")
    Map<String, Object> send(@PathVariable long id, @Valid @RequestBody EmailRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 100) String idempotencyKey) {
        TrainingSession session = sessions.get(id);
        if (!CurrentUser.isAdmin() && !session.isTrainedBy(CurrentUser.username())) {
            throw new ForbiddenException("Only the session's trainer and admins send mail about it");
        }
        // the latest registration of each person on the roster, read once for all recipients
        Map<Long, Registration> rosterByPerson = new java.util.HashMap<>();
        roster.rosterOf(id).forEach(r -> rosterByPerson.put(r.getPersonId(), r));
        Map<String, Long> recipients = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < request.usernames().size(); i++) {
            String username = request.usernames().get(i);
            String field = "usernames[" + i + "]";
            Person person = people.find(username)
                    .orElseThrow(() -> new InvalidInputException(field, "unknown person '" + username + "'"));
            Registration registration = rosterByPerson.get(person.getId());
            if (registration == null || !request.type().allowed.contains(registration.getStatus())) {
                refused.add(username + (registration == null ? " (not on the roster)" : " (" + registration.getStatus() + ")"));
            } else {
                recipients.put(username, registration.getId());
            }
        }
        if (!refused.isEmpty()) {
            throw new ConflictException("usernames", request.type() + " goes only to " + request.type().allowed
                    + "; not to " + String.join(", ", refused));
        }
        String requestKey = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
                : idempotencyKey;
        recipients.values().forEach(registrationId ->
                notifications.sendComposed(request.type().mail, registrationId, request.text(), requestKey));
        return Map.of("type", request.type(), "sentTo", recipients.keySet());
    }
}
