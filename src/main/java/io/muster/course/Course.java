package io.muster.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    private String title;

    @Enumerated(EnumType.STRING)
    private CourseKind kind;

    @Enumerated(EnumType.STRING)
    private EnrolmentMethod enrolmentMethod;

    private boolean required;

    /** Months a completion stays valid; null: it never expires. */
    private Integer validityMonths;

    private boolean allowMultipleSessions;
    private boolean allowFailure;
    private String launchUrl;

    @Version
    private long version;

    protected Course() {
    }

    public Course(String code) {
        this.code = code;
    }

    void update(String code, String title, CourseKind kind, EnrolmentMethod enrolmentMethod, boolean required,
            Integer validityMonths, boolean allowMultipleSessions, boolean allowFailure, String launchUrl) {
        this.code = code;
        this.title = title;
        this.kind = kind;
        this.enrolmentMethod = enrolmentMethod;
        this.required = required;
        this.validityMonths = validityMonths;
        this.allowMultipleSessions = allowMultipleSessions;
        this.allowFailure = allowFailure;
        this.launchUrl = launchUrl;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public CourseKind getKind() {
        return kind;
    }

    public EnrolmentMethod getEnrolmentMethod() {
        return enrolmentMethod;
    }

    public boolean isRequired() {
        return required;
    }

    public Integer getValidityMonths() {
        return validityMonths;
    }

    public boolean isAllowMultipleSessions() {
        return allowMultipleSessions;
    }

    public boolean isAllowFailure() {
        return allowFailure;
    }

    public String getLaunchUrl() {
        return launchUrl;
    }
}
