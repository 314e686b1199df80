package io.muster.coordinator;

import io.muster.autoenrol.AutoEnrolSettings;
import io.muster.autoenrol.CourseAutoEnrolRequest;

/** A course's auto-enrol settings as typed. */
public class AutoEnrolForm {

    private boolean enabled;
    private Integer leadDays;
    private boolean includeSubcontractors;
    private boolean includeOptional;

    static AutoEnrolForm of(AutoEnrolSettings.CourseSettings s) {
        AutoEnrolForm form = new AutoEnrolForm();
        form.enabled = s.enabled();
        form.leadDays = s.leadDays();
        form.includeSubcontractors = s.includeSubcontractors();
        form.includeOptional = s.includeOptional();
        return form;
    }

    CourseAutoEnrolRequest request() {
        return new CourseAutoEnrolRequest(enabled, leadDays, includeSubcontractors, includeOptional);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getLeadDays() {
        return leadDays;
    }

    public void setLeadDays(Integer leadDays) {
        this.leadDays = leadDays;
    }

    public boolean isIncludeSubcontractors() {
        return includeSubcontractors;
    }

    public void setIncludeSubcontractors(boolean includeSubcontractors) {
        this.includeSubcontractors = includeSubcontractors;
    }

    public boolean isIncludeOptional() {
        return includeOptional;
    }

    public void setIncludeOptional(boolean includeOptional) {
        this.includeOptional = includeOptional;
    }
}
