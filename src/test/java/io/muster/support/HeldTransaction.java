package io.muster.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction on a thread of its own, left open after its first step so a test can race other
 * work against the locks it holds, then finished and committed when the test says so.
 */
public final class HeldTransaction implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CompletableFuture<Void> held = new CompletableFuture<>();
    private final CompletableFuture<Runnable> rest = new CompletableFuture<>();
    private final CompletableFuture<Void> committed;

    private HeldTransaction(PlatformTransactionManager transactions, Runnable first) {
        committed = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            first.run();
            held.complete(null);
            rest.join().run();
        }), thread);
        committed.whenComplete((done, failure) -> held.complete(null));
    }

    /** Opens the transaction and returns once its first step has run (its locks are held). */
    public static HeldTransaction open(PlatformTransactionManager transactions, Runnable first) throws Exception {
        HeldTransaction tx = new HeldTransaction(transactions, first);
        tx.held.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (tx.committed.isCompletedExceptionally()) {
            tx.committed.join(); // the first step failed: say why
        }
        return tx;
    }

    /** Runs the last step in the same transaction and commits; throws what either threw. */
    public void commitAfter(Runnable last) throws Exception {
        rest.complete(last);
        committed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Rolls back if not committed yet, and waits for the transaction to end. */
    @Override
    public void close() throws Exception {
        rest.complete(() -> {
            throw new IllegalStateException("rolled back: the test ended without committing");
        });
        try {
            committed.exceptionally(failure -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }
}
