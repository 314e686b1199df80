package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import io.muster.process.Variable;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Where a chunk step leaves its result: the cursor for the next chunk, whether one follows, the running total. */
final class ChunkStep {

    private ChunkStep() {
    }

    static long after(DelegateExecution execution) {
        return AFTER_PERSON_ID.get(execution);
    }

    static void record(DelegateExecution execution, SmartEnrolments.Chunk chunk, Variable<Integer> total) {
        AFTER_PERSON_ID.set(execution, chunk.lastPersonId());
        MORE.set(execution, chunk.more());
        add(execution, total, chunk.changed());
    }

    static void add(DelegateExecution execution, Variable<Integer> total, int changed) {
        total.set(execution, total.get(execution) + changed);
    }
}
