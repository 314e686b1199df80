package io.muster.security;

import java.sql.Timestamp;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An account locked by wrong passwords unlocks by itself once the lock duration has passed since
 * its last refused attempt. Camunda's own lock lasts until an admin lifts it; its store keeps the
 * failed attempts and, per attempt, until when the next try is delayed. Every node runs this; an
 * unlock twice is harmless.
 */
@Component
class LockExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(LockExpiry.class);

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;
    private final JdbcTemplate jdbc;
    private final SecuritySettings settings;

    LockExpiry(IdentityService identity, ProcessEngineConfigurationImpl engine, JdbcTemplate jdbc,
            SecuritySettings settings) {
        this.identity = identity;
        this.engine = engine;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Unlocks every account whose lock has run its time; answers their ids. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    List<String> unlockExpired() {
        Timestamp lockedBefore = new Timestamp(ClockUtil.getCurrentTime().getTime() - settings.lockDuration().toMillis());
        List<String> expired = jdbc.queryForList("""
                select ID_ from ACT_ID_USER where ATTEMPTS_ >= ? and LOCK_EXP_TIME_ < ?""", String.class,
                engine.getLoginMaxAttempts(), lockedBefore);
        expired.forEach(user -> {
            identity.unlockUser(user);
            LOG.info("Account {} unlocked: its lock of {} has passed", user, settings.lockDuration());
        });
        return expired;
    }
}
