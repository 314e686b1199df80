package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Where a chunk step leaves its result: the cursor for the next chunk, whether one follows, the running total. */
final class ChunkStep {

    private ChunkStep() {
    }

    static long after(DelegateExecution execution) {
        return (Long) execution.getVariable(VAR_AFTER_PERSON_ID);
    }

    static void record(DelegateExecution execution, SmartEnrolments.Chunk chunk, String total) {
        execution.setVariable(VAR_AFTER_PERSON_ID, chunk.lastPersonId());
        execution.setVariable(VAR_MORE, chunk.more());
        add(execution, total, chunk.changed());
    }

    static void add(DelegateExecution execution, String total, int changed) {
        execution.setVariable(total, (Integer) execution.getVariable(total) + changed);
    }
}
