package io.muster.people;

import java.util.List;
import java.util.Map;

/** A person as the API shows them: never a password. */
record PersonView(String username, String name, String email, String department, String jobRole,
        String location, EmploymentType employmentType, String managerUsername, String timeZone,
        boolean autoEnrolOptOut, Map<String, String> profileFields, List<String> groups) {

    static PersonView of(Person p, List<String> groups) {
        return new PersonView(p.getUsername(), p.getName(), p.getEmail(), p.getDepartment(), p.getJobRole(),
                p.getLocation(), p.getEmploymentType(), p.getManager() == null ? null : p.getManager().getUsername(),
                p.getTimeZone(), p.isAutoEnrolOptOut(), p.getProfileFields(), groups);
    }
}
