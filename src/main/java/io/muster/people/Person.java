package io.muster.people;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Version;

/**
 * A person's profile. The login (password, groups) lives in Camunda's identity store under the
 * same username, so the Camunda webapps and the API share one account.
 */
@Entity
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String username;

    private String name;
    private String email;
    private String timeZone;
    private String department;
    private String jobRole;
    private String location;

    @Enumerated(EnumType.STRING)
    private EmploymentType employmentType;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private Person manager;

    private boolean autoEnrolOptOut;

    @ElementCollection
    @CollectionTable(name = "person_profile_field", joinColumns = @JoinColumn(name = "person_id"))
    @MapKeyColumn(name = "field_name")
    @Column(name = "field_value")
    private Map<String, String> profileFields = new HashMap<>();

    private Instant createdAt;

    @Version
    private long version;

    protected Person() {
    }

    public Person(String username) {
        this.username = username;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getDepartment() {
        return department;
    }

    public String getJobRole() {
        return jobRole;
    }

    public String getLocation() {
        return location;
    }

    /** The fields read paths decide visibility on, as values. */
    public PersonProfile profile() {
        return new PersonProfile(id, department, jobRole, location, employmentType);
    }

    public EmploymentType getEmploymentType() {
        return employmentType;
    }

    public Person getManager() {
        return manager;
    }

    public boolean isAutoEnrolOptOut() {
        return autoEnrolOptOut;
    }

    public Map<String, String> getProfileFields() {
        return Map.copyOf(profileFields);
    }

    void setAutoEnrolOptOut(boolean optOut) {
        this.autoEnrolOptOut = optOut;
    }

    void updateProfile(String name, String email, String timeZone, String department, String jobRole,
            String location, EmploymentType employmentType, Person manager, Map<String, String> profileFields) {
        this.name = name;
        this.email = email;
        this.timeZone = timeZone;
        this.department = department;
        this.jobRole = jobRole;
        this.location = location;
        this.employmentType = employmentType;
        this.manager = manager;
        this.profileFields.clear();
        if (profileFields != null) {
            this.profileFields.putAll(profileFields);
        }
    }
}
