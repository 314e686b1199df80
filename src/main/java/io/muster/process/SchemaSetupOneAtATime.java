package io.muster.process;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Nodes started together on an empty PostgreSQL database would each create the engine's tables,
 * and all but one fail to start ("duplicate key value violates unique constraint
 * pg_type_typname_nsp_index"): the engine's own startup lock is a row of a table not made yet. So
 * the engine's schema check and creation hold a transaction-scoped advisory lock: the next node
 * waits for the first to commit its tables, then finds them made.
 */
@Component
class SchemaSetupOneAtATime extends AbstractProcessEnginePlugin {

    /** Any number no other part of Muster locks: "Muster" in ASCII. */
    static final long LOCK = 0x4d7573746572L;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        SchemaOperationsCommand schema = configuration.getSchemaOperationsCommand();
        configuration.setSchemaOperationsCommand(context -> {
            if ("postgres".equals(context.getProcessEngineConfiguration().getDatabaseType())) {
                lock(context);
            }
            return schema.execute(context);
        });
    }

    private static void lock(CommandContext context) {
        try (PreparedStatement lock = context.getDbSqlSession().getSqlSession().getConnection()
                .prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.execute();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not take the schema setup lock", e);
        }
    }
}
