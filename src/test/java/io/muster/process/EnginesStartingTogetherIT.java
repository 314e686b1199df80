package io.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.muster.support.EmbeddedServices;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Nodes started at the same moment on a new, empty PostgreSQL database all start: one creates the
 * engine's tables, the others wait for it and find them. Without {@link SchemaSetupOneAtATime}
 * all but one fail on a duplicate type while creating the same tables.
 */
class EnginesStartingTogetherIT {

    private static final int NODES = 4;

    @Test
    void enginesStartedTogetherOnAnEmptyDatabaseAllStart() throws Exception {
        EmbeddedServices.start();
        String database = "together" + System.nanoTime();
        new JdbcTemplate(new DriverManagerDataSource(EmbeddedServices.jdbcUrl(), "postgres", "postgres"))
                .execute("create database " + database);
        String url = EmbeddedServices.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");

        CyclicBarrier together = new CyclicBarrier(NODES);
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        List<Future<ProcessEngine>> started = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            String name = database + "-" + n;
            started.add(nodes.submit(() -> {
                ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
                configuration.setProcessEngineName(name);
                configuration.setJdbcUrl(url);
                configuration.setJdbcUsername("postgres");
                configuration.setJdbcPassword("postgres");
                configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
                configuration.setJobExecutorActivate(false);
                configuration.getProcessEnginePlugins().add(new SchemaSetupOneAtATime());
                configuration.getProcessEnginePlugins().add(new AbstractProcessEnginePlugin() {
                    @Override
                    public void preInit(ProcessEngineConfigurationImpl engine) {
                        // every node reaches its schema setup at the same moment, as nodes of one rollout may
                        SchemaOperationsCommand schema = engine.getSchemaOperationsCommand();
                        engine.setSchemaOperationsCommand(context -> {
                            await(together);
                            return schema.execute(context);
                        });
                    }
                });
                return configuration.buildProcessEngine();
            }));
        }
        List<String> failures = new ArrayList<>();
        for (Future<ProcessEngine> engine : started) {
            try {
                engine.get(3, TimeUnit.MINUTES).close();
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        nodes.shutdown();
        assertThat(failures).as("engines that failed to start").isEmpty();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
