package io.muster.people;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.security.Accounts;
import io.muster.security.MusterGroups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PeopleService {

    private final PersonRepository people;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;

    PeopleService(PersonRepository people, Accounts accounts, ApplicationEventPublisher events) {
        this.people = people;
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Published in the creating or editing transaction once a profile is new or changed: whatever
     * follows the profile (segment membership) catches up in the same transaction.
     */
    public record ProfileChanged(long personId) {
    }

    /** Creates the profile and its Camunda login in one transaction: both or neither. */
    @Transactional
    public Person create(String username, String password, String name, String email, String department,
            String jobRole, String location, EmploymentType employmentType, String managerUsername,
            String timeZone, Set<String> groups, Map<String, String> profileFields) {
        if (people.existsByUsername(username) || accounts.exists(username)) {
            throw new ConflictException("username", "a person with this username exists already");
        }
        Set<String> memberships = groups == null || groups.isEmpty() ? Set.of(MusterGroups.LEARNERS) : groups;
        for (String group : memberships) {
            if (!MusterGroups.ALL.contains(group) && !accounts.groupExists(group)) {
                throw new InvalidInputException("groups", "unknown group '" + group + "'");
            }
        }
        Person person = new Person(username);
        person.updateProfile(name, email, timeZone, department, jobRole, location, employmentType,
                manager(managerUsername, username), profileFields);
        people.save(person);
        accounts.create(username, password, name, email, memberships);
        events.publishEvent(new ProfileChanged(person.getId()));
        return person;
    }

    @Transactional
    public Person updateProfile(String username, String name, String email, String department, String jobRole,
            String location, EmploymentType employmentType, String managerUsername, String timeZone,
            Map<String, String> profileFields) {
        Person person = get(username);
        person.updateProfile(name, email, timeZone, department, jobRole, location, employmentType,
                manager(managerUsername, username), profileFields);
        accounts.updateContact(username, name, email);
        events.publishEvent(new ProfileChanged(person.getId()));
        return person;
    }

    /** Seed 003: a person can be kept out of auto-enrolment. */
    @Transactional
    public Person setAutoEnrol(String username, boolean enabled) {
        Person person = get(username);
        person.setAutoEnrolOptOut(!enabled);
        return person;
    }

    @Transactional(readOnly = true)
    public Person get(String username) {
        return people.findByUsername(username).orElseThrow(() -> new NotFoundException("Person", username));
    }

    /** The person's profile for read paths (the calendar), without the entity. */
    @Transactional(readOnly = true)
    public PersonProfile profile(String username) {
        return findProfile(username).orElseThrow(() -> new NotFoundException("Person", username));
    }

    /** The same for an account that may have no Muster profile (an admin's). */
    @Transactional(readOnly = true)
    public java.util.Optional<PersonProfile> findProfile(String username) {
        return people.findProfile(username);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Person> find(String username) {
        return people.findByUsername(username);
    }

    @Transactional(readOnly = true)
    public Person get(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("Person", id));
    }

    public List<String> groupsOf(String username) {
        return accounts.groupsOf(username);
    }

    private Person manager(String managerUsername, String username) {
        if (managerUsername == null || managerUsername.isBlank()) {
            return null;
        }
        if (managerUsername.equals(username)) {
            throw new InvalidInputException("managerUsername", "a person cannot be their own manager");
        }
        return people.findByUsername(managerUsername)
                .orElseThrow(() -> new InvalidInputException("managerUsername", "unknown person '" + managerUsername + "'"));
    }
}
