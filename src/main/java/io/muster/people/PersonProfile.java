package io.muster.people;

/** What read paths need of a person to decide what they may see, without loading the entity. */
public record PersonProfile(long id, String department, String jobRole, String location,
        EmploymentType employmentType) {
}
