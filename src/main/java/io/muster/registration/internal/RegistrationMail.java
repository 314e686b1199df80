package io.muster.registration.internal;

import static io.muster.registration.internal.RegistrationProcess.*;

import io.muster.notification.MailType;
import io.muster.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every service_notify_* task of both processes: sends the mail its input parameter "mailType"
 * names, about the registration in the process. The tasks are asynchronous, so mail goes out
 * only after the booking committed, and SMTP failures become retries, then incidents.
 */
@Component("registrationMail")
class RegistrationMail implements JavaDelegate {

    private final Notifications notifications;

    RegistrationMail(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.send(MAIL_TYPE.getLocal(execution), REGISTRATION_ID.get(execution),
                APPROVER.get(execution), APPROVER_KIND.get(execution));
    }
}
