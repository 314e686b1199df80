package io.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The history level "audit-decisions" on an engine of its own: it records the decisions that shape
 * a registration and no others, and a database that an earlier Muster wrote at AUDIT starts at it.
 */
class AuditWithDecisionsTest {

    private static ProcessEngine engine(String url, String history, boolean withLevel) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl(url);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(history);
        configuration.setProcessEngineName(url);
        if (withLevel) {
            configuration.setProcessEnginePlugins(List.of(new AuditWithDecisions()));
        }
        return configuration.buildProcessEngine();
    }

    private static void deploy(ProcessEngine engine, String decision) {
        InputStream model = AuditWithDecisionsTest.class.getResourceAsStream("/dmn/" + decision + ".dmn");
        engine.getRepositoryService().createDeployment().addInputStream(decision + ".dmn", model).deploy();
    }

    @Test
    void recordsTheRegistrationDecisionsAndNotTheReadPathOnes() {
        ProcessEngine engine = engine("jdbc:h2:mem:audit-decisions;DB_CLOSE_DELAY=-1", AuditWithDecisions.NAME, true);
        try {
            deploy(engine, "waitlist-offer-policy");
            deploy(engine, "session-visibility");
            engine.getDecisionService().evaluateDecisionTableByKey("waitlist-offer-policy",
                    Variables.createVariables().putValue("hoursUntilStart", 100.0));
            engine.getDecisionService().evaluateDecisionTableByKey("session-visibility", Variables.createVariables()
                    .putValue("department", "Sales").putValue("jobRole", "x").putValue("location", "y")
                    .putValue("employmentType", "EMPLOYEE").putValue("sessionDepartments", List.of())
                    .putValue("sessionJobRoles", List.of()).putValue("sessionLocations", List.of())
                    .putValue("sessionStatus", "SCHEDULED").putValue("startsInFuture", true));

            assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().list())
                    .extracting(d -> d.getDecisionDefinitionKey()).containsExactly("waitlist-offer-policy");
        } finally {
            engine.close();
        }
    }

    @Test
    void aDatabaseWrittenAtAuditStartsAtTheNewLevel() {
        String url = "jdbc:h2:mem:upgraded;DB_CLOSE_DELAY=-1";
        engine(url, "audit", false).close();

        ProcessEngine upgraded = engine(url, AuditWithDecisions.NAME, true);
        try {
            assertThat(((ProcessEngineConfigurationImpl) upgraded.getProcessEngineConfiguration()).getHistoryLevel()
                    .getName()).isEqualTo(AuditWithDecisions.NAME);
            assertThat(upgraded.getManagementService().getProperties()).containsEntry("historyLevel",
                    Integer.toString(AuditWithDecisions.ID));
        } finally {
            upgraded.close();
        }
    }
}
