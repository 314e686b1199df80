package io.muster.segment;

import static io.muster.segment.SmartEnrolmentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** service_enrol_person: the person is enrolled on every course linked to a segment they are in. */
@Component("enrolPerson")
class EnrolPerson implements JavaDelegate {

    private final SmartEnrolments smart;

    EnrolPerson(SmartEnrolments smart) {
        this.smart = smart;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ENROLLED.set(execution, smart.enrolPerson(PERSON_ID.get(execution),
                ACTOR.get(execution)));
    }
}
