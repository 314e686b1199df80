package io.muster.registration;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the processes of registrations booked in a request. A booking only takes its seat and
 * queues the start, so a burst of bookings is answered at the speed of the roster, and the engine
 * catches up in batches: right after each booking's commit on the node that took it, and on a
 * timer on every node for what a crash or a busy node left behind.
 */
@Component
class RegistrationStarter {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationStarter.class);
    static final int BATCH = 100;

    private final ProcessStartQueue queue;
    private final RegistrationFacade process;
    private final TransactionTemplate tx;
    private final ThreadPoolTaskExecutor executor;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    RegistrationStarter(ProcessStartQueue queue, RegistrationFacade process, PlatformTransactionManager transactions) {
        this.queue = queue;
        this.process = process;
        this.tx = new TransactionTemplate(transactions);
        // one thread; a drain already waiting covers every later nudge, so further ones are dropped
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(1);
        pool.setMaxPoolSize(1);
        pool.setQueueCapacity(1);
        pool.setThreadNamePrefix("registration-starter-");
        pool.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        pool.initialize();
        this.executor = pool;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /**
     * Queues the process of a registration whose seat (or waiting-list place) the caller's
     * transaction has booked; it starts after the commit, with the seat decided.
     */
    void startAfterCommit(long registrationId, String actor) {
        queue.add(registrationId, actor);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            executor.execute(this::drain);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(RegistrationStarter.this::drain);
            }
        });
    }

    /** One drainer per node at a time; a call while it runs makes it look once more. */
    @Scheduled(fixedDelayString = "${muster.registration.start-interval}")
    void drain() {
        again.set(true);
        while (again.get() && draining.compareAndSet(false, true)) {
            try {
                again.set(false);
                while (startBatch() == BATCH) {
                    // a full batch: there may be more
                }
            } finally {
                draining.set(false);
            }
        }
    }

    /** Starts up to one batch in one transaction; returns how many were claimed. */
    private int startBatch() {
        try {
            Integer claimed = tx.execute(status -> {
                List<ProcessStartQueue.Queued> batch = queue.claim(BATCH);
                process.startQueued(batch);
                return batch.size();
            });
            return claimed == null ? 0 : claimed;
        } catch (RuntimeException e) {
            // one bad start must not hold back the rest: each on its own, the failing one stays queued
            LOG.warn("Starting a batch of registration processes failed; starting them one by one", e);
            return startOneByOne();
        }
    }

    private int startOneByOne() {
        List<ProcessStartQueue.Queued> batch = tx.execute(status -> queue.claim(BATCH));
        int started = 0;
        for (ProcessStartQueue.Queued q : batch == null ? List.<ProcessStartQueue.Queued>of() : batch) {
            try {
                tx.executeWithoutResult(status -> queue.lock(q.registrationId())
                        .ifPresent(fresh -> process.startQueued(List.of(fresh))));
                started++;
            } catch (RuntimeException e) {
                // it waits before the next try, so it no longer fails every drain's batch
                Instant next = tx.execute(status -> queue.failed(q.registrationId(),
                        NestedExceptionUtils.getMostSpecificCause(e).toString()).orElse(null));
                LOG.error("Registration {}: its process could not start; it stays queued, tried again at {}",
                        q.registrationId(), next, e);
            }
        }
        return started;
    }
}
