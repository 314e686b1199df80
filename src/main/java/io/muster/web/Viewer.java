package io.muster.web;

import java.time.ZoneId;

import io.muster.security.CurrentUser;

/**
 * The person looking at a page: their name for the layout, their zone for every time shown, and
 * what the navigation offers them.
 */
public record Viewer(String username, String name, ZoneId zone, boolean hasProfile) {

    public boolean isLearner() {
        return hasProfile && CurrentUser.hasRole("LEARNER");
    }

    public boolean isAdmin() {
        return CurrentUser.isAdmin();
    }

    public boolean managesEnrolments() {
        return CurrentUser.managesEnrolments();
    }

    public boolean isTrainer() {
        return CurrentUser.hasRole("TRAINER");
    }

    public boolean isApprover() {
        return CurrentUser.hasRole("APPROVER");
    }

    public boolean isAnalyst() {
        return CurrentUser.hasRole("ANALYST");
    }

    /** Approvers, trainers, admins and analysts do their work in Tasklist or Cockpit. */
    public boolean usesTasklist() {
        return isApprover() || isTrainer() || isAdmin();
    }

    public boolean usesCockpit() {
        return isAdmin() || isAnalyst();
    }
}
