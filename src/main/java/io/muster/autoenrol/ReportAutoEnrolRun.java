package io.muster.autoenrol;

import static io.muster.autoenrol.AutoEnrolCycleProcess.*;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * service_report: puts the run's counts on the instance, as totals and per course and reason, and
 * clears what is left of the run's candidates.
 */
@Component("autoEnrolReport")
class ReportAutoEnrolRun implements JavaDelegate {

    private final AutoEnrolCycle cycle;
    private final ObjectMapper json;

    ReportAutoEnrolRun(AutoEnrolCycle cycle, ObjectMapper json) {
        this.cycle = cycle;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycle.finish(execution.getProcessInstanceId());
        List<AutoEnrolCycle.Count> counts = cycle.report(execution.getProcessInstanceId());
        CONSIDERED.set(execution, counts.stream().mapToLong(AutoEnrolCycle.Count::people).sum());
        ENROLLED.set(execution, counts.stream().filter(AutoEnrolCycle.Count::enrol)
                .mapToLong(AutoEnrolCycle.Count::people).sum());
        try {
            REPORT.set(execution, SpinValues.jsonValue(json.writeValueAsString(counts.stream()
                    .map(c -> Map.of("courseId", c.courseId(), "reason", c.reason(), "enrol", c.enrol(),
                            "people", c.people()))
                    .toList())).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
