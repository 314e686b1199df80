package io.muster.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of the top-level bpmn/, dmn/ and forms/ folders under stable resource names
 * ({@code bpmn/registration.bpmn}), the same from Maven and from the packaged jar. Only changed
 * resources become new versions, so a decision an analyst deployed later stays the latest until
 * the file in the application itself changes.
 */
@Component
class ModelDeployer extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_NAME = "muster";
    private static final String[] FOLDERS = {"bpmn/*.bpmn", "dmn/*.dmn", "forms/*.form"};
    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        int count = 0;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : FOLDERS) {
                String folder = pattern.substring(0, pattern.indexOf('/') + 1);
                for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        deployment.addInputStream(folder + resource.getFilename(), in);
                    }
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models to deploy", e);
        }
        if (count > 0) {
            deployment.deployWithResult();
            log.info("Checked {} models into deployment {}; changed ones became new versions", count, DEPLOYMENT_NAME);
        }
    }
}
