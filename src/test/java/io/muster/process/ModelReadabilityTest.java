package io.muster.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * What makes a diagram read at Cockpit's default zoom, checked on the models as deployed: few
 * elements on the top level of each diagram (the rest in collapsed or event subprocesses), a label a coordinator understands on
 * every step and decision, and none on a join.
 */
class ModelReadabilityTest {

    /** About what fits Cockpit's diagram pane at its default zoom with labels still legible. */
    static final int TOP_LEVEL_LIMIT = 20;

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static Stream<FlowNode> flowNodes(BpmnModelInstance model) {
        return model.getModelElementsByType(FlowNode.class).stream();
    }

    @Test
    void everyDiagramKeepsItsTopLevelShortEnoughToReadAtDefaultZoom() throws IOException {
        for (Path file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            long topLevel = flowNodes(model).filter(node -> node.getParentElement() instanceof Process).count();
            assertThat(topLevel).as(file.getFileName() + ": flow nodes on the top level").isLessThanOrEqualTo(TOP_LEVEL_LIMIT);
        }
    }

    @Test
    void everyStepAndDecisionHasALabelAndNoJoinHasOne() throws IOException {
        for (Path file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            flowNodes(model).forEach(node -> {
                String where = file.getFileName() + ": " + node.getId();
                String name = node.getName();
                assertThat(name).as(where + " shows its id as its label").isNotEqualTo(node.getId());
                boolean join = node instanceof Gateway && node.getIncoming().size() > 1 && node.getOutgoing().size() == 1;
                boolean fork = node instanceof Gateway && node.getOutgoing().size() > 1
                        && node instanceof org.camunda.bpm.model.bpmn.instance.ParallelGateway;
                if (join || fork) {
                    assertThat(name).as(where + ": a join or a parallel split carries no label").isNull();
                } else {
                    assertThat(name).as(where + " needs a label").isNotBlank();
                }
            });
        }
    }
}
