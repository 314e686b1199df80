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
        MailType type = MAIL_TYPE.get(execution);
        long sessionId = SESSION_ID.get(execution);
        if (type == MailType.SESSION_CHANGED) {
            notifications.sendChange(sessionId);
        } else {
            notifications.sendToTrainer(type, sessionId);
        }
    }
}
