package io.muster.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A job that lost an optimistic-locking race (a learner's answer moved the same instance at that
 * moment) did nothing wrong: it is released to run again at once, keeping its retries. The engine
 * would otherwise count it as a failure, wait the retry cycle (a minute for mails) and, after three
 * clashes, raise an incident for a mail that never failed.
 */
@Component
class ConcurrentChangeRetry extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory(new Factory(new DefaultFailedJobCommandFactory()));
    }

    static final class Factory implements FailedJobCommandFactory {

        private final FailedJobCommandFactory standard;

        Factory(FailedJobCommandFactory standard) {
            this.standard = standard;
        }

        @Override
        public Command<Object> getCommand(String jobId, Throwable failure) {
            return lostARace(failure) ? releaseAgain(jobId) : standard.getCommand(jobId, failure);
        }

        private static boolean lostARace(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof OptimisticLockingException) {
                    return true;
                }
            }
            return false;
        }

        private static Command<Object> releaseAgain(String jobId) {
            return commandContext -> {
                JobEntity job = commandContext.getJobManager().findJobById(jobId);
                if (job != null) {
                    job.setLockOwner(null);
                    job.setLockExpirationTime(null);
                }
                return null;
            };
        }
    }
}
