package io.muster.lifecycle;

import static io.muster.lifecycle.SessionCancellationProcess.*;

import io.muster.notification.MailType;
import io.muster.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The asynchronous mail tasks about a whole session (both session processes): the mail "mailType" names. */
@Component("sessionMail")
class SessionMail implements JavaDelegate {

    private final Notifications notifications;

    SessionMail(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MailType type = MailType.valueOf((String) execution.getVariable(VAR_MAIL_TYPE));
        long sessionId = (Long) execution.getVariable(VAR_SESSION_ID);
        if (type == MailType.SESSION_CHANGED) {
            notifications.sendChange(sessionId);
        } else {
            notifications.sendToTrainer(type, sessionId);
        }
    }
}
