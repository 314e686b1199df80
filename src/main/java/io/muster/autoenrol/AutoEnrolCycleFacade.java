package io.muster.autoenrol;

import static io.muster.autoenrol.AutoEnrolCycleProcess.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.springframework.stereotype.Component;

/** The domain's only way into the auto-enrol-cycle process. */
@Component
public class AutoEnrolCycleFacade {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ObjectMapper json;

    AutoEnrolCycleFacade(RuntimeService runtime, HistoryService history, ObjectMapper json) {
        this.runtime = runtime;
        this.history = history;
        this.json = json;
    }

    /** Starts a run by hand; it continues asynchronously (the first task is a job), so this returns at once. */
    public String start(String startedBy) {
        return runtime.startProcessInstanceByMessage(MESSAGE_RUN_REQUESTED, Variables.createVariables().putValue(STARTED_BY.name(), startedBy))
                .getId();
    }

    /** A run's report: totals and counts per course and reason (empty while it runs). */
    public record Run(String id, String state, Date startedAt, Date endedAt, String startedBy, Long considered, Long enrolled,
            JsonNode counts) {
    }

    /** The run started last, by hand or by the nightly timer, if any. */
    public Optional<Run> latest() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst()
                .flatMap(instance -> run(instance.getId()));
    }

    /** A run as its process instance recorded it (history keeps the typed report variables). */
    public Optional<Run> run(String runId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(runId)
                .processDefinitionKey(KEY).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(runId)
                .disableCustomObjectDeserialization().list()) {
            // the instance's own variables, not the multi-instance's loop counters
            if (runId.equals(v.getExecutionId())) {
                variables.put(v.getName(), v.getTypedValue() instanceof SerializableValue json
                        ? json.getValueSerialized() : v.getValue());
            }
        }
        String report = (String) variables.get(REPORT.name());
        try {
            return Optional.of(new Run(runId, instance.getState(), instance.getStartTime(), instance.getEndTime(),
                    (String) variables.get(STARTED_BY.name()), (Long) variables.get(CONSIDERED.name()),
                    (Long) variables.get(ENROLLED.name()), report == null ? json.createArrayNode() : json.readTree(report)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable report of run " + runId, e);
        }
    }
}
