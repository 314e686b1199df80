package io.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** bpmn/, dmn/ and forms/ are deployed under stable names, and only changes make new versions. */
@IntegrationTest
class ModelDeploymentIT {

    @Autowired RepositoryService repositoryService;
    @Autowired ProcessEngine engine;
    @Autowired ModelDeployer deployer;

    @Test
    void everyModelIsDeployedUnderItsFolderAndFileName() {
        String deploymentId = repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().asc().list().get(0).getId();
        List<String> names = repositoryService.getDeploymentResources(deploymentId).stream().map(Resource::getName)
                .toList();
        assertThat(names).contains("bpmn/registration.bpmn", "bpmn/waitlist-promotion.bpmn",
                "dmn/session-visibility.dmn", "dmn/registration-eligibility.dmn", "dmn/waitlist-offer-policy.dmn",
                "forms/approve-registration.form");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("registration")
                .latestVersion().singleResult().getResourceName()).isEqualTo("bpmn/registration.bpmn");
    }

    @Test
    void deployingUnchangedModelsAgainMakesNoNewVersion() {
        long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("registration").count();
        deployer.postProcessEngineBuild(engine);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("registration").count())
                .isEqualTo(before);
    }
}
