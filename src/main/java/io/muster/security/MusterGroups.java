package io.muster.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/** The groups of Camunda's identity store that carry Muster's roles. */
public final class MusterGroups {

    public static final String ADMINS = "muster-admins";
    public static final String APPROVERS = "approvers";
    public static final String TRAINERS = "trainers";
    public static final String LEARNERS = "learners";
    public static final String ANALYSTS = "analysts";
    /** Manage enrolments and rosters (book, cancel, bulk status, copy, export) without configuring courses. */
    public static final String ENROLMENT_MANAGERS = "enrolment-managers";
    /** Camunda's own administrators are Muster admins too. */
    public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

    public static final List<String> ALL = List.of(ADMINS, APPROVERS, TRAINERS, LEARNERS, ANALYSTS,
            ENROLMENT_MANAGERS);

    private MusterGroups() {
    }

    /** The Spring Security role a group grants, or null when it grants none. */
    static String roleOf(String groupId) {
        return switch (groupId) {
            case ADMINS, CAMUNDA_ADMIN -> "ROLE_ADMIN";
            case APPROVERS -> "ROLE_APPROVER";
            case TRAINERS -> "ROLE_TRAINER";
            case LEARNERS -> "ROLE_LEARNER";
            case ANALYSTS -> "ROLE_ANALYST";
            case ENROLMENT_MANAGERS -> "ROLE_ENROLMENT_MANAGER";
            default -> null;
        };
    }
}
