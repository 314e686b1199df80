package io.muster.people;

import java.net.URI;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "People",
        description = "Learners, trainers and coordinators: their accounts and the profile fields the rules use.")
@RestController
@RequestMapping("/api/people")
class PeopleController {

    private final PeopleService service;

    PeopleController(PeopleService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a person and their account")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<PersonView> create(@Valid @RequestBody PersonRequest r) {
        Person person = service.create(r.username(), r.password(), r.name(), r.email(), r.department(), r.jobRole(),
                r.location(), r.employmentType(), r.managerUsername(), r.timeZone(), r.groups(), r.profileFields());
        return ResponseEntity.created(URI.create("/api/people/" + person.getUsername()))
                .body(view(person));
    }

    /** Admins read anyone; everyone else reads only themselves (others look absent: 404). */
    @GetMapping("/{username}")
    @PreAuthorize("hasRole('ADMIN') or #username == authentication.name")
    @Transactional(readOnly = true)
    @Operation(summary = "Read a person's profile")
    PersonView get(@PathVariable String username) {
        return view(service.get(username));
    }

    @PutMapping("/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a person's profile")
    PersonView update(@PathVariable String username, @Valid @RequestBody ProfileUpdate r) {
        return view(service.updateProfile(username, r.name(), r.email(), r.department(), r.jobRole(), r.location(),
                r.employmentType(), r.managerUsername(), r.timeZone(), r.profileFields()));
    }

    private PersonView view(Person person) {
        return PersonView.of(person, service.groupsOf(person.getUsername()));
    }
}
