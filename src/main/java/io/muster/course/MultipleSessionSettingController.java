package io.muster.course;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins turn the portal's "allow enrolment in multiple sessions" switch on or off while Muster runs. */
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
    SwitchView get() {
        return new SwitchView(setting.enabled(), setting.configuredDefault());
    }

    @PutMapping("/api/settings/multiple-session-enrolment")
    SwitchView put(@Valid @RequestBody SwitchRequest r) {
        setting.set(r.enabled());
        return get();
    }
}
