package io.muster.lifecycle;

import static io.muster.lifecycle.SessionCancellationProcess.*;

import io.muster.notification.MailType;
import io.muster.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The asynchronous mail tasks about a whole session: the mail its input parameter "mailType" names. */
@Component("sessionMail")
class SessionMail implements JavaDelegate {

    private final Notifications notifications;

    SessionMail(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.sendToTrainer(MailType.valueOf((String) execution.getVariable(VAR_MAIL_TYPE)),
                (Long) execution.getVariable(VAR_SESSION_ID));
    }
}
