package io.muster.common;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request that moves running process instances, in one transaction that is tried again when
 * the engine saw a concurrent change of the same instance (typically its asynchronous mail job
 * finishing at that moment). The whole request repeats on fresh state, so nothing is half done.
 */
@Component
public class ProcessTransactions {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate tx;

    ProcessTransactions(PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
    }

    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ProcessEngineException e) {
                if (attempt == ATTEMPTS || !concurrentChange(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Optimistic locking, or the same race seen one step earlier: a concurrent branch ended and
     * took its execution with it (ENGINE-03077); or the database broke a deadlock between this
     * request and a job of the same instance (a booking's mail job while it is cancelled) or
     * refused a serialization: SQLSTATE 40P01 or 40001.
     */
    static boolean concurrentChange(ProcessEngineException e) {
        if (e instanceof OptimisticLockingException
                || (e.getMessage() != null && e.getMessage().startsWith("ENGINE-03077"))) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
