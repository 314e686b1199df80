package io.muster.course;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins turn the portal's "allow enrolment in multiple sessions" switch on or off while Muster runs. */
@Tag(name = "Settings", description = "Switches that hold for the whole portal.")
@RestController
@PreAuthorize("hasRole('ADMIN')")
class MultipleSessionSettingController {

    private final MultipleSessionSetting setting;

    MultipleSessionSettingController(MultipleSessionSetting setting) {
        this.setting = setting;
    }

    record SwitchRequest(@NotNull Boolean enabled) {
    }

    /** {@code configuredDefault}: what applies until an admin sets the switch (the environment's value). */
    record SwitchView(boolean enabled, boolean configuredDefault) {
    }

    @GetMapping("/api/settings/multiple-session-enrolment")
    @Operation(summary = "Read whether courses may let learners book several sessions")
    SwitchView get() {
        return new SwitchView(setting.enabled(), setting.configuredDefault());
    }

    @PutMapping("/api/settings/multiple-session-enrolment")
    @Operation(summary = "Allow or forbid courses to let learners book several sessions")
    SwitchView put(@Valid @RequestBody SwitchRequest r) {
        setting.set(r.enabled());
        return get();
    }
}
