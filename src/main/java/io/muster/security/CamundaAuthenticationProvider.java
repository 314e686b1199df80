package io.muster.security;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password against Camunda's identity store, so one account serves the
 * Camunda webapps, the engine REST API and Muster's API. Roles come from group memberships.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedCredentials verified;

    CamundaAuthenticationProvider(IdentityService identityService, VerifiedCredentials verified) {
        this.identityService = identityService;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || username.isBlank() || !(credentials instanceof String password)) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities = verified.lookup(username, password)
                .orElseGet(() -> check(username, password));
        // The password is not kept in the authenticated token.
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    private List<GrantedAuthority> check(String username, String password) {
        if (!identityService.checkPassword(username, password)) {
            // a wrong password, or the right one while the account is delayed or locked: a remembered
            // login must not outlast either
            verified.forget(username);
            throw new BadCredentialsException("Bad credentials");
        }
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(group -> MusterGroups.roleOf(group.getId()))
                .filter(Objects::nonNull)
                .distinct()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        verified.remember(username, password, authorities);
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
