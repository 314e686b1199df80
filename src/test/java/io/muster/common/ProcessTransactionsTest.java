package io.muster.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class ProcessTransactionsTest {

    /** Transactions that do nothing: the subject is which failures repeat the work. */
    static class NoTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }

    final ProcessTransactions transactions = new ProcessTransactions(new NoTransactions());

    private static ProcessEngineException persistenceFailure(String sqlState) {
        BatchUpdateException batch = new BatchUpdateException("batch aborted", new int[0]);
        batch.setNextException(new SQLException("database says no", sqlState));
        return new ProcessEnginePersistenceException("flush failed",
                new RuntimeException("wrapped", new SQLException("database says no", sqlState, batch)));
    }

    @Test
    void aDeadlockWithAJobOfTheSameInstanceRepeatsTheWholeRequest() {
        AtomicInteger attempts = new AtomicInteger();
        String result = transactions.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw persistenceFailure("40P01");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherDatabaseErrorsAreNotRepeated() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> transactions.run(() -> {
            attempts.incrementAndGet();
            throw persistenceFailure("23505");
        })).isInstanceOf(ProcessEnginePersistenceException.class);
        assertThat(attempts).hasValue(1);
    }
}
