package io.muster.autoenrol;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import io.muster.common.NotFoundException;
import io.muster.people.PeopleService;
import io.muster.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Auto-enrol settings (per course, global, per person), job role requirements and cycle runs: admins only. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AutoEnrolController {

    private final AutoEnrolSettings settings;
    private final JobRoleAssignments assignments;
    private final AutoEnrolCycleFacade cycle;
    private final PeopleService people;

    AutoEnrolController(AutoEnrolSettings settings, JobRoleAssignments assignments, AutoEnrolCycleFacade cycle,
            PeopleService people) {
        this.settings = settings;
        this.assignments = assignments;
        this.cycle = cycle;
        this.people = people;
    }

    record GlobalAutoEnrolRequest(@NotNull Boolean missingTraining) {
    }

    record RequirementsRequest(@NotNull @Size(max = 500) Set<@NotNull Long> courseIds) {
    }

    record PersonAutoEnrolRequest(@NotNull Boolean enabled) {
    }

    record JobRoleRequirements(String jobRole, Set<Long> courseIds) {
    }

    @GetMapping("/api/courses/{id}/auto-enrol")
    AutoEnrolSettings.CourseSettings course(@PathVariable long id) {
        return settings.course(id);
    }

    @PutMapping("/api/courses/{id}/auto-enrol")
    AutoEnrolSettings.CourseSettings course(@PathVariable long id, @Valid @RequestBody CourseAutoEnrolRequest r) {
        return settings.saveCourse(r.settingsOf(id));
    }

    @GetMapping("/api/settings/auto-enrol")
    Map<String, Boolean> global() {
        return Map.of("missingTraining", settings.missingTraining());
    }

    @PutMapping("/api/settings/auto-enrol")
    Map<String, Boolean> global(@Valid @RequestBody GlobalAutoEnrolRequest r) {
        settings.setMissingTraining(r.missingTraining());
        return global();
    }

    @GetMapping("/api/job-roles/{name}/requirements")
    JobRoleRequirements requirements(@PathVariable String name) {
        return new JobRoleRequirements(name, settings.requirements(name));
    }

    /** Replaces the role's required courses; with missing training on, its holders are enrolled at once. */
    @PutMapping("/api/job-roles/{name}/requirements")
    @Transactional
    JobRoleRequirements requirements(@PathVariable String name,
            @Valid @RequestBody RequirementsRequest r) {
        Set<Long> courseIds = settings.setRequirements(name, r.courseIds());
        assignments.enrolMissing(name);
        return new JobRoleRequirements(name, courseIds);
    }

    @PutMapping("/api/people/{username}/auto-enrol")
    Map<String, Object> person(@PathVariable String username, @Valid @RequestBody PersonAutoEnrolRequest r) {
        boolean enabled = !people.setAutoEnrol(username, r.enabled()).isAutoEnrolOptOut();
        return Map.of("username", username, "enabled", enabled);
    }

    /** Starts a cycle now; it runs in the background, its report is read from the answer's Location. */
    @PostMapping("/api/auto-enrol/runs")
    ResponseEntity<Map<String, String>> start() {
        String id = cycle.start(CurrentUser.username());
        return ResponseEntity.accepted().location(URI.create("/api/auto-enrol/runs/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/auto-enrol/runs/{id}")
    AutoEnrolCycleFacade.Run run(@PathVariable String id) {
        return cycle.run(id).orElseThrow(() -> new NotFoundException("Auto-enrol run", id));
    }
}
