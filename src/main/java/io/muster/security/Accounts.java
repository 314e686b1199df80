package io.muster.security;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Logins in Camunda's identity store: the one place the domain creates users and memberships.
 * Runs in the caller's transaction (the engine shares Spring's transaction manager).
 */
@Component
public class Accounts {

    private final IdentityService identityService;

    Accounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean exists(String username) {
        return identityService.createUserQuery().userId(username).count() > 0;
    }

    public void create(String username, String password, String name, String email, Collection<String> groups) {
        User user = identityService.newUser(username);
        setContact(user, name, email);
        user.setPassword(password);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(username, group);
        }
    }

    public void updateContact(String username, String name, String email) {
        User user = identityService.createUserQuery().userId(username).singleResult();
        if (user != null) {
            setContact(user, name, email);
            identityService.saveUser(user);
        }
    }

    /** Camunda keeps first and last name apart; Muster keeps one display name. */
    private static void setContact(User user, String name, String email) {
        int space = name.lastIndexOf(' ');
        user.setFirstName(space < 0 ? name : name.substring(0, space));
        user.setLastName(space < 0 ? "" : name.substring(space + 1));
        user.setEmail(email);
    }

    public List<String> groupsOf(String username) {
        return identityService.createGroupQuery().groupMember(username).orderByGroupId().asc().list()
                .stream().map(Group::getId).toList();
    }

    public boolean isMember(String username, String group) {
        return identityService.createGroupQuery().groupMember(username).groupId(group).count() > 0;
    }

    public List<String> membersOf(String group) {
        return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
    }

    public List<String> emailsOfGroup(String group) {
        return identityService.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getEmail).filter(email -> email != null && !email.isBlank()).toList();
    }

    /**
     * Runs engine work as this user (with their groups), so the engine checks their authorizations
     * and records them, as it would for the same step taken in Tasklist.
     */
    public <T> T actingAs(String username, java.util.function.Supplier<T> work) {
        org.camunda.bpm.engine.impl.identity.Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(username, groupsOf(username));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    public boolean groupExists(String group) {
        return identityService.createGroupQuery().groupId(group).count() > 0;
    }
}
