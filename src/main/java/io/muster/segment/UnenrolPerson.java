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
        execution.setVariable(VAR_UNENROLLED, smart.unenrolPerson((Long) execution.getVariable(VAR_PERSON_ID),
                (String) execution.getVariable(VAR_ACTOR)));
    }
}
