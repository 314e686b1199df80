package io.muster.people;

/** A person as the decision tables see them, with their username and their manager's, for reading everyone at once. */
public record PersonForRules(long id, String username, String managerUsername, String department, String jobRole,
        String location, EmploymentType employmentType) {

    public PersonProfile profile() {
        return new PersonProfile(id, department, jobRole, location, employmentType);
    }
}
