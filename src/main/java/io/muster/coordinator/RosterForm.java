package io.muster.coordinator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.muster.registration.RegistrationStatus;

/**
 * The roster's action form as it was sent, kept to show it again when it is refused. Reading a
 * field checks it against what the page offered and names the field's message when it is not.
 */
public record RosterForm(List<String> selected, String status, String target, String copyAs, String attendance,
        String reason) {

    /** The API takes a reason of at most this length. */
    static final int REASON_MAX = 1000;

    static RosterForm ticking(List<String> selected) {
        return new RosterForm(selected, null, null, null, null, null);
    }

    public boolean ticked(long registrationId) {
        return selected != null && selected.contains(Long.toString(registrationId));
    }

    /** The ticked lines, every one of them on this session's roster. */
    List<Long> lines(RosterActions.Choices choices, Map<String, String> errors) {
        List<Long> ids = new ArrayList<>();
        if (selected == null || selected.isEmpty()) {
            errors.put("selected", "rosterActions.error.none");
            return ids;
        }
        for (String value : selected) {
            Long id = number(value);
            if (id == null || !choices.lines().containsKey(id)) {
                errors.put("selected", "rosterActions.error.notOnRoster");
                return ids;
            }
            ids.add(id);
        }
        return ids;
    }

    RegistrationStatus newStatus(RosterActions.Choices choices, Map<String, String> errors) {
        RegistrationStatus chosen = choices.statuses().stream().filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        if (chosen == null) {
            errors.put("status", "rosterActions.error.status");
        }
        if (reason != null && reason.length() > REASON_MAX) {
            errors.put("reason", "rosterActions.error.reason");
        }
        return chosen;
    }

    long targetSession(RosterActions.Choices choices, Map<String, String> errors) {
        Long id = number(target);
        if (id == null || !choices.hasTarget(id)) {
            errors.put("target", "rosterActions.error.target");
            return -1;
        }
        return id;
    }

    /** As the API: copies are booked when not said otherwise. */
    public String copyChoice() {
        return copyAs == null || copyAs.isBlank() ? RegistrationStatus.REGISTERED.name() : copyAs;
    }

    RegistrationStatus copyStatus(RosterActions.Choices choices, Map<String, String> errors) {
        RegistrationStatus chosen = choices.copyStatuses().stream().filter(s -> s.name().equals(copyChoice()))
                .findFirst().orElse(null);
        if (chosen == null) {
            errors.put("copyAs", "rosterActions.error.copyAs");
        }
        return chosen;
    }

    RegistrationStatus attended(Map<String, String> errors) {
        if (RegistrationStatus.ATTENDED.name().equals(attendance)) {
            return RegistrationStatus.ATTENDED;
        }
        if (RegistrationStatus.ABSENT.name().equals(attendance)) {
            return RegistrationStatus.ABSENT;
        }
        errors.put("attendance", "rosterActions.error.attendance");
        return null;
    }

    /** The reason as the API takes it: none when blank. */
    String givenReason() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
