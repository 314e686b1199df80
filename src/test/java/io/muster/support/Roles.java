package io.muster.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.muster.security.MusterGroups;

/** The roles of the authorization matrices, each with a person to sign in as. */
public final class Roles {

    /**
     * Column order: signed out, the learner who owns the data, another learner, the session's
     * trainer, a trainer of other sessions, then the staff roles.
     */
    public static final List<String> ALL = List.of("anonymous", "learner", "other", "trainer", "otherTrainer",
            "approver", "analyst", "manager", "admin");

    private Roles() {
    }

    /** A fresh person per signed-in role (the trainer given, as it trains the matrix's sessions); the admin is the tests' own. */
    public static Map<String, String> people(Api api, Fixtures fixtures, String trainer) {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("learner", fixtures.learner());
        users.put("other", fixtures.learner());
        users.put("trainer", trainer);
        users.put("otherTrainer", api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of()));
        users.put("approver", api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS, Map.of()));
        users.put("analyst", api.createPerson(Api.unique("analyst"), MusterGroups.ANALYSTS, Map.of()));
        users.put("manager", api.createPerson(Api.unique("manager"), MusterGroups.ENROLMENT_MANAGERS, Map.of()));
        users.put("admin", Api.ADMIN);
        return users;
    }

    public static String passwordOf(String role, String user) {
        return role.equals("admin") ? Api.ADMIN_PASSWORD : Api.passwordOf(user);
    }
}
