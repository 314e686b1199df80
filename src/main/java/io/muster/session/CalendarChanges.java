package io.muster.session;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the calendar's read model that sessions or seats changed, once the change is committed
 * (a snapshot taken before the commit must not outlive it). Node-local: other nodes see the
 * change when their snapshot expires.
 */
@Component
public class CalendarChanges {

    private final AtomicLong version = new AtomicLong();

    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    version.incrementAndGet();
                }
            });
        } else {
            version.incrementAndGet();
        }
    }

    long version() {
        return version.get();
    }
}
