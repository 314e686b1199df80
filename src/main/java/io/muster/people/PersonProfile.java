package io.muster.people;

import io.muster.rules.Decisions;

/** What read paths need of a person to decide what they may see, without loading the entity. */
public record PersonProfile(long id, String department, String jobRole, String location,
        EmploymentType employmentType) {

    /** The person as the visibility and eligibility tables read them. */
    public Decisions.Viewer viewer() {
        return new Decisions.Viewer(department, jobRole, location, employmentType.name());
    }
}
