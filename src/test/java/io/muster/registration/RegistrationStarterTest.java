package io.muster.registration;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import io.muster.roster.RegistrationMethod;
import io.muster.roster.RegistrationStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The drain's answer to a start that fails: the others still start, and the failed one is set to wait. */
class RegistrationStarterTest {

    private final ProcessStartQueue queue = mock(ProcessStartQueue.class);
    private final RegistrationFacade process = mock(RegistrationFacade.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final RegistrationStarter starter;

    RegistrationStarterTest() {
        when(transactions.getTransaction(any())).thenAnswer(i -> new SimpleTransactionStatus());
        starter = new RegistrationStarter(queue, process, transactions);
    }

    @AfterEach
    void stop() {
        starter.stop();
    }

    private static ProcessStartQueue.Queued queued(long registrationId) {
        return new ProcessStartQueue.Queued(registrationId, 10, 20, RegistrationMethod.SELF,
                RegistrationStatus.REGISTERED, "learner", new Date(), new Date());
    }

    @Test
    void aFailingStartIsSetToWaitWithItsErrorWhileTheRestOfItsBatchStarts() {
        ProcessStartQueue.Queued bad = queued(1);
        ProcessStartQueue.Queued good = queued(2);
        when(queue.claim(anyInt())).thenReturn(List.of(bad, good), List.of(bad, good), List.of());
        when(queue.lock(1)).thenReturn(Optional.of(bad));
        when(queue.lock(2)).thenReturn(Optional.of(good));
        when(queue.failed(anyLong(), anyString())).thenReturn(Optional.of(Instant.now()));
        doThrow(new IllegalStateException("the batch fails")).when(process).startQueued(List.of(bad, good));
        doThrow(new IllegalStateException("wrapper", new IllegalArgumentException("the cause")))
                .when(process).startQueued(List.of(bad));

        starter.drain();

        verify(process).startQueued(List.of(good));
        verify(queue).failed(eq(1L), argThat(error -> error.contains("IllegalArgumentException: the cause")));
        verify(queue, never()).failed(eq(2L), anyString());
    }
}
