package io.muster.coordinator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.muster.people.EmploymentType;
import io.muster.people.Person;
import io.muster.people.PersonRequest;
import io.muster.people.ProfileUpdate;

/**
 * A person's form as typed, kept as text so a refused form shows exactly what was entered. The
 * custom profile fields are one {@code name = value} a line; an empty optional field is no value.
 */
public class PersonForm {

    private String username = "";
    private String password = "";
    private String name = "";
    private String email = "";
    private String department = "";
    private String jobRole = "";
    private String location = "";
    private String employmentType = EmploymentType.EMPLOYEE.name();
    private String managerUsername = "";
    private String timeZone = "";
    private List<String> groups = new ArrayList<>();
    private String profileFields = "";
    private final List<String> unreadable = new ArrayList<>();

    static PersonForm of(Person p, List<String> groups) {
        PersonForm form = new PersonForm();
        form.username = p.getUsername();
        form.name = p.getName();
        form.email = p.getEmail();
        form.department = text(p.getDepartment());
        form.jobRole = text(p.getJobRole());
        form.location = text(p.getLocation());
        form.employmentType = p.getEmploymentType() == null ? "" : p.getEmploymentType().name();
        form.managerUsername = p.getManager() == null ? "" : p.getManager().getUsername();
        form.timeZone = text(p.getTimeZone());
        form.groups = new ArrayList<>(groups);
        form.profileFields = p.getProfileFields().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n"));
        return form;
    }

    /** The API's request to create the person; {@link #unreadable()} names what could not be read into it. */
    PersonRequest toRequest() {
        unreadable.clear();
        return new PersonRequest(value(username), password, value(name), value(email), value(department),
                value(jobRole), value(location), type(), value(managerUsername), value(timeZone),
                groups.isEmpty() ? null : new LinkedHashSet<>(groups), fields());
    }

    /** The API's request to change the profile; the login is Camunda Admin's. */
    ProfileUpdate toUpdate() {
        unreadable.clear();
        return new ProfileUpdate(value(name), value(email), value(department), value(jobRole), value(location),
                type(), value(managerUsername), value(timeZone), fields());
    }

    List<String> unreadable() {
        return unreadable;
    }

    private EmploymentType type() {
        try {
            return EmploymentType.valueOf(employmentType == null ? "" : employmentType);
        } catch (IllegalArgumentException e) {
            unreadable.add("employmentType");
            return null;
        }
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : (profileFields == null ? "" : profileFields).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                unreadable.add("profileFields");
                return fields;
            }
            fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return fields;
    }

    private static String value(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getJobRole() {
        return jobRole;
    }

    public void setJobRole(String jobRole) {
        this.jobRole = jobRole;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getEmploymentType() {
        return employmentType;
    }

    public void setEmploymentType(String employmentType) {
        this.employmentType = employmentType;
    }

    public String getManagerUsername() {
        return managerUsername;
    }

    public void setManagerUsername(String managerUsername) {
        this.managerUsername = managerUsername;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }

    public String getProfileFields() {
        return profileFields;
    }

    public void setProfileFields(String profileFields) {
        this.profileFields = profileFields;
    }
}
