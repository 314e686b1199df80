package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_unenrol_person: segment sources the person no longer has go; enrolments left without a source end. */
@Component("unenrolPerson")
class UnenrolPerson implements JavaDelegate {

    private final SmartEnrolments smart;

    UnenrolPerson(SmartEnrolments smart) {
        this.smart = smart;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UNENROLLED.set(execution, smart.unenrolPerson(PERSON_ID.get(execution),
                ACTOR.get(execution)));
    }
}
