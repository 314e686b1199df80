package io.muster.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.muster.people.PeopleService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every mail Muster sent, for admins: what, to whom, about which session and registration, when. */
@Tag(name = "Notifications", description = "The ledger of every mail Muster sent.")
@RestController
@Validated
class NotificationController {

    private final SentMailRepository sent;
    private final PeopleService people;

    NotificationController(SentMailRepository sent, PeopleService people) {
        this.sent = sent;
        this.people = people;
    }

    record SentMailView(long id, String type, String recipient, Long sessionId, Long registrationId, Instant sentAt,
            String messageId, String status) {
    }

    @GetMapping("/api/notifications")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List sent mail, by session or recipient")
    List<SentMailView> search(@RequestParam(required = false) Long sessionId,
            @RequestParam(required = false) String username,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        String recipient = username == null ? null
                : "%" + people.get(username).getEmail().toLowerCase(Locale.ROOT) + "%";
        return sent.search(sessionId, recipient, PageRequest.of(0, limit)).stream()
                .map(m -> new SentMailView(m.getId(), m.getType(), m.getRecipient(), m.getSessionId(),
                        m.getRegistrationId(), m.getSentAt(), m.getMessageId(), m.getStatus()))
                .toList();
    }
}
