package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.REGISTRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Ties a new registration and its process instance together. */
final class RegistrationIds {

    private RegistrationIds() {
    }

    /** The registration id becomes the business key, so Cockpit finds the instance by it. */
    static void link(DelegateExecution execution, long registrationId) {
        REGISTRATION_ID.set(execution, registrationId);
        execution.setProcessBusinessKey(Long.toString(registrationId));
    }
}
