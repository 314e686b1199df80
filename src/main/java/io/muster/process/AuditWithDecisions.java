package io.muster.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import io.muster.rules.Decisions;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * History level "audit-decisions": everything AUDIT records, plus the evaluations of the decisions
 * that shape a registration (registration-eligibility, waitlist-offer-policy), so Cockpit shows
 * each instance's decision with its inputs, matched rule and outputs. FULL would add the history
 * of every variable update and activity detail, the largest cost per booking; read paths
 * (visibility, auto-enrol) evaluate outside the engine and record nothing at any level.
 */
@Component
class AuditWithDecisions extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWithDecisions.class);

    static final String NAME = "audit-decisions";
    /** Camunda's own levels are 0 to 3; a custom level takes an id of its own, kept in ACT_GE_PROPERTY. */
    static final int ID = 20;
    private static final int AUDIT_ID = 2;

    static final Set<String> RECORDED = Set.of(Decisions.REGISTRATION_ELIGIBILITY, Decisions.WAITLIST_OFFER_POLICY);

    static final HistoryLevel LEVEL = new HistoryLevelAudit() {
        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE) {
                return entity instanceof DmnDecision decision && RECORDED.contains(decision.getKey());
            }
            return super.isHistoryEventProduced(eventType, entity);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(LEVEL);
        configuration.setCustomHistoryLevels(levels);
    }

    /**
     * The engine refuses to start when the level stored in its database differs from the
     * configured one. A database written at AUDIT (Muster before this level) loses nothing by
     * moving up to it, so the stored level is moved once, before the engine checks it.
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!NAME.equalsIgnoreCase(configuration.getHistory())) {
            return;
        }
        DataSource dataSource = configuration.getDataSource();
        String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
                + "ACT_GE_PROPERTY";
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection, table)) {
                return; // a new database: the engine creates its tables at this level
            }
            moveToThisLevel(connection, table);
        } catch (SQLException e) {
            LOG.warn("Could not move the stored history level to {}: {}", NAME, e.getMessage());
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet found = connection.getMetaData().getTables(null, null, name, null)) {
                if (found.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void moveToThisLevel(Connection connection, String table) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
            update.setString(1, Integer.toString(ID));
            update.setString(2, Integer.toString(AUDIT_ID));
            if (update.executeUpdate() > 0) {
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                LOG.info("History level moved from audit to {} in the engine's database", NAME);
            }
        }
    }
}
