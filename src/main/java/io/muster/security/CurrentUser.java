package io.muster.security;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling the API, as Spring Security authenticated them. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }

    public static boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    public static boolean isAdmin() {
        return hasRole("ADMIN");
    }

    /** Admins and enrolment managers book, cancel and move anyone's registrations and work on rosters. */
    public static boolean managesEnrolments() {
        return isAdmin() || hasRole("ENROLMENT_MANAGER");
    }

    /** The user the engine runs a command for (an approver completing a task in Tasklist), or null. */
    public static String ofEngine(ProcessEngineServices engine) {
        org.camunda.bpm.engine.impl.identity.Authentication auth =
                engine.getIdentityService().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
