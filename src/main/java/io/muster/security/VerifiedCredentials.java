package io.muster.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a short while, that a username and password were checked against Camunda's
 * identity store, so a client sending HTTP Basic on every request pays the deliberately slow
 * password hash once, not every time. Only a salted SHA-256 of the password is kept, with a salt
 * made at start and never stored; a changed password or group takes effect when the entry expires.
 */
@Component
class VerifiedCredentials {

    private static final int MAX_ENTRIES = 50_000;

    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] digest, List<GrantedAuthority> authorities, Instant expires) {
    }

    VerifiedCredentials(SecuritySettings settings, Clock clock) {
        this.ttl = settings.credentialCacheTtl();
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    /** The authorities of a recently verified login, if the password is the very same. */
    Optional<List<GrantedAuthority>> lookup(String username, String password) {
        Entry entry = entries.get(username);
        if (entry == null || ttl.isZero()) {
            return Optional.empty();
        }
        if (!entry.expires().isAfter(Instant.now(clock))) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.digest(), digest(username, password))
                ? Optional.of(entry.authorities()) : Optional.empty();
    }

    void remember(String username, String password, List<GrantedAuthority> authorities) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(digest(username, password), authorities, Instant.now(clock).plus(ttl)));
    }

    /** After a refused password: the next try goes to the identity store, which counts and delays it. */
    void forget(String username) {
        entries.remove(username);
    }

    private byte[] digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
