package io.muster.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.junit.jupiter.api.Test;

class ConcurrentChangeRetryTest {

    final Command<Object> standardCommand = context -> "standard";
    final FailedJobCommandFactory standard = (jobId, failure) -> standardCommand;
    final ConcurrentChangeRetry.Factory factory = new ConcurrentChangeRetry.Factory(standard);

    @Test
    void aJobThatLostAnOptimisticLockingRaceIsReleasedAtOnceWithItsRetriesAndDueDate() {
        MessageEntity job = new MessageEntity();
        job.setRetries(3);
        Date due = new Date(1_000L);
        job.setDuedate(due);
        job.setLockOwner("node-1");
        job.setLockExpirationTime(new Date());
        CommandContext context = mock(CommandContext.class);
        JobManager jobs = mock(JobManager.class);
        when(context.getJobManager()).thenReturn(jobs);
        when(jobs.findJobById("job-1")).thenReturn(job);

        Command<Object> command = factory.getCommand("job-1",
                new ProcessEngineException("wrapped", new OptimisticLockingException("clash")));
        assertThat(command).isNotSameAs(standardCommand);
        command.execute(context);

        assertThat(job.getLockOwner()).isNull();
        assertThat(job.getLockExpirationTime()).isNull();
        assertThat(job.getRetries()).isEqualTo(3);
        assertThat(job.getDuedate()).isEqualTo(due);
    }

    @Test
    void anyOtherFailureGoesThroughTheRetryCycle() {
        assertThat(factory.getCommand("job-1", new IllegalStateException("SMTP down"))).isSameAs(standardCommand);
    }
}
