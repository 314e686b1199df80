package io.muster.autoenrol;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import io.muster.common.NotFoundException;
import io.muster.people.PeopleService;
import io.muster.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Auto-enrol",
        description = "Automatic enrolment: course settings, job-role requirements, opt-outs and the nightly run.")
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
    @Operation(summary = "Read a course's auto-enrol settings")
    AutoEnrolSettings.CourseSettings course(@PathVariable long id) {
        return settings.course(id);
    }

    @PutMapping("/api/courses/{id}/auto-enrol")
    @Operation(summary = "Change a course's auto-enrol settings")
    AutoEnrolSettings.CourseSettings course(@PathVariable long id, @Valid @RequestBody CourseAutoEnrolRequest r) {
        return settings.saveCourse(r.settingsOf(id));
    }

    @GetMapping("/api/settings/auto-enrol")
    @Operation(summary = "Read whether people missing required training are auto-enrolled")
    Map<String, Boolean> global() {
        return Map.of("missingTraining", settings.missingTraining());
    }

    @PutMapping("/api/settings/auto-enrol")
    @Operation(summary = "Turn auto-enrolment of missing training on or off")
    Map<String, Boolean> global(@Valid @RequestBody GlobalAutoEnrolRequest r) {
        settings.setMissingTraining(r.missingTraining());
        return global();
    }

    @GetMapping("/api/job-roles/{name}/requirements")
    @Operation(summary = "List the courses a job role requires")
    JobRoleRequirements requirements(@PathVariable String name) {
        return new JobRoleRequirements(name, settings.requirements(name));
    }

    /** Replaces the role's required courses; with missing training on, its holders are enrolled at once. */
    @PutMapping("/api/job-roles/{name}/requirements")
    @Transactional
    @Operation(summary = "Set the courses a job role requires")
    JobRoleRequirements requirements(@PathVariable String name,
            @Valid @RequestBody RequirementsRequest r) {
        Set<Long> courseIds = settings.setRequirements(name, r.courseIds());
        assignments.enrolMissing(name);
        return new JobRoleRequirements(name, courseIds);
    }

    @PutMapping("/api/people/{username}/auto-enrol")
    @Operation(summary = "Opt a person in to or out of auto-enrolment")
    Map<String, Object> person(@PathVariable String username, @Valid @RequestBody PersonAutoEnrolRequest r) {
        boolean enabled = !people.setAutoEnrol(username, r.enabled()).isAutoEnrolOptOut();
        return Map.of("username", username, "enabled", enabled);
    }

    /** Starts a cycle now; it runs in the background, its report is read from the answer's Location. */
    @PostMapping("/api/auto-enrol/runs")
    @Operation(summary = "Start an auto-enrol run now")
    @ApiResponse(responseCode = "202", description = "The run started; Location names it")
    ResponseEntity<Map<String, String>> start() {
        String id = cycle.start(CurrentUser.username());
        return ResponseEntity.accepted().location(URI.create("/api/auto-enrol/runs/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/api/auto-enrol/runs/{id}")
    @Operation(summary = "Follow an auto-enrol run")
    AutoEnrolCycleFacade.Run run(@PathVariable String id) {
        return cycle.run(id).orElseThrow(() -> new NotFoundException("Auto-enrol run", id));
    }
}
