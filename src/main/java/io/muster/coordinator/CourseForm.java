package io.muster.coordinator;

import io.muster.course.CourseKind;
import io.muster.course.CourseRequest;
import io.muster.course.CourseView;
import io.muster.course.EnrolmentMethod;

/** The course form as typed: what a refused form shows again. */
public class CourseForm {

    private String code;
    private String title;
    private CourseKind kind;
    private EnrolmentMethod enrolmentMethod;
    private boolean required;
    private Integer validityMonths;
    private boolean allowMultipleSessions;
    private boolean allowFailure;
    private String launchUrl;

    static CourseForm of(CourseView c) {
        CourseForm form = new CourseForm();
        form.code = c.code();
        form.title = c.title();
        form.kind = c.kind();
        form.enrolmentMethod = c.enrolmentMethod();
        form.required = c.required();
        form.validityMonths = c.validityMonths();
        form.allowMultipleSessions = c.allowMultipleSessions();
        form.allowFailure = c.allowFailure();
        form.launchUrl = c.launchUrl();
        return form;
    }

    /** What the API would be sent: an empty launch URL is none. */
    CourseRequest request() {
        return new CourseRequest(strip(code), strip(title), kind, required, validityMonths, enrolmentMethod,
                allowMultipleSessions, allowFailure, launchUrl == null || launchUrl.isBlank() ? null : launchUrl.strip());
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public CourseKind getKind() {
        return kind;
    }

    public void setKind(CourseKind kind) {
        this.kind = kind;
    }

    public EnrolmentMethod getEnrolmentMethod() {
        return enrolmentMethod;
    }

    public void setEnrolmentMethod(EnrolmentMethod enrolmentMethod) {
        this.enrolmentMethod = enrolmentMethod;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public Integer getValidityMonths() {
        return validityMonths;
    }

    public void setValidityMonths(Integer validityMonths) {
        this.validityMonths = validityMonths;
    }

    public boolean isAllowMultipleSessions() {
        return allowMultipleSessions;
    }

    public void setAllowMultipleSessions(boolean allowMultipleSessions) {
        this.allowMultipleSessions = allowMultipleSessions;
    }

    public boolean isAllowFailure() {
        return allowFailure;
    }

    public void setAllowFailure(boolean allowFailure) {
        this.allowFailure = allowFailure;
    }

    public String getLaunchUrl() {
        return launchUrl;
    }

    public void setLaunchUrl(String launchUrl) {
        this.launchUrl = launchUrl;
    }
}
