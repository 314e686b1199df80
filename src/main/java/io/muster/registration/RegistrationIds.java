package io.muster.registration;

import static io.muster.registration.RegistrationProcess.VAR_REGISTRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Ties a new registration and its process instance together. */
final class RegistrationIds {

    private RegistrationIds() {
    }

    /** The registration id becomes the business key, so Cockpit finds the instance by it. */
    static void link(DelegateExecution execution, long registrationId) {
        execution.setVariable(VAR_REGISTRATION_ID, registrationId);
        execution.setProcessBusinessKey(Long.toString(registrationId));
    }

    static long of(DelegateExecution execution) {
        return (Long) execution.getVariable(VAR_REGISTRATION_ID);
    }
}
