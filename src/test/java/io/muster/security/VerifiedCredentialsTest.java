package io.muster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class VerifiedCredentialsTest {

    /** A clock the test moves. */
    static class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final List<GrantedAuthority> learner = List.of(new SimpleGrantedAuthority("ROLE_LEARNER"));

    @Test
    void theSamePasswordIsAcceptedWithoutAnotherCheckUntilTheEntryExpires() {
        VerifiedCredentials verified = new VerifiedCredentials(new SecuritySettings(Duration.ofSeconds(60), Duration.ofMinutes(15)), clock);
        verified.remember("jane", "secret-1", learner);

        assertThat(verified.lookup("jane", "secret-1")).contains(learner);
        clock.now = clock.now.plusSeconds(61);
        assertThat(verified.lookup("jane", "secret-1")).isEmpty();
    }

    @Test
    void anotherPasswordOrUserIsNeverTakenFromMemory() {
        VerifiedCredentials verified = new VerifiedCredentials(new SecuritySettings(Duration.ofSeconds(60), Duration.ofMinutes(15)), clock);
        verified.remember("jane", "secret-1", learner);

        assertThat(verified.lookup("jane", "secret-2")).isEmpty();
        assertThat(verified.lookup("john", "secret-1")).isEmpty();
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        VerifiedCredentials verified = new VerifiedCredentials(new SecuritySettings(Duration.ZERO, Duration.ofMinutes(15)), clock);
        verified.remember("jane", "secret-1", learner);
        assertThat(verified.lookup("jane", "secret-1")).isEmpty();
    }
}
