package io.muster.enrolmentkey;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.muster.registration.RegistrationView;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins make enrolment keys; learners redeem them for themselves. */
@Tag(name = "Enrolment keys",
        description = "Codes with which learners enrol themselves in a course and book its sessions.")
@RestController
class EnrolmentKeyController {

    private final EnrolmentKeyService service;

    EnrolmentKeyController(EnrolmentKeyService service) {
        this.service = service;
    }

    record KeyView(String code, long courseId, Set<Long> sessionIds, int maxUses, int usesLeft, Instant expiresAt) {

        static KeyView of(EnrolmentKey key) {
            return new KeyView(key.getCode(), key.getCourseId(), key.getSessionIds(), key.getMaxUses(),
                    key.getUsesLeft(), key.getExpiresAt());
        }
    }

    @PostMapping("/api/enrolment-keys")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Transactional
    @Operation(summary = "Create an enrolment key")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<KeyView> create(@Valid @RequestBody KeyRequest r) {
        EnrolmentKey key = service.create(r.courseId(), r.sessionIds(), r.maxUses(), r.expiresAt().toInstant(),
                CurrentUser.username());
        return ResponseEntity.created(URI.create("/api/enrolment-keys/" + key.getCode())).body(KeyView.of(key));
    }

    @GetMapping("/api/enrolment-keys/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Transactional(readOnly = true)
    @Operation(summary = "Read an enrolment key and its uses left")
    KeyView get(@PathVariable String code) {
        return KeyView.of(service.get(code));
    }

    /** 201 with one registration per session of the key, or a refusal and no registration at all. */
    @PostMapping("/api/enrolment-keys/{code}/redeem")
    @Operation(summary = "Redeem an enrolment key for yourself")
    @ApiResponse(responseCode = "201", description = "One registration per session of the key")
    ResponseEntity<List<RegistrationView>> redeem(@PathVariable String code) {
        return ResponseEntity.status(201).body(service.redeem(code, CurrentUser.username()));
    }
}
