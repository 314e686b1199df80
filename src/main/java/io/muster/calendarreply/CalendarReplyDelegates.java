package io.muster.calendarreply;

import static io.muster.calendarreply.CalendarRepliesProcess.*;

import java.util.List;
import java.util.Optional;

import io.muster.registration.RegistrationService;
import jakarta.mail.MessagingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The service tasks of bpmn/calendar-replies.bpmn, one small bean each. */
final class CalendarReplyDelegates {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarReplyDelegates.class);

    private CalendarReplyDelegates() {
    }

    /** service_poll_inbox: which mails wait in the inbox, by Message-ID. */
    @Component("pollCalendarReplies")
    static class PollInbox implements JavaDelegate {

        private final ReplyInbox inbox;

        PollInbox(ReplyInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public void execute(DelegateExecution execution) {
            List<String> ids = inbox.messageIds();
            execution.setVariable(VAR_REPLY_IDS, String.join("\n", ids));
            execution.setVariable(VAR_REPLY_COUNT, ids.size());
        }
    }

    /**
     * service_read_reply: this iteration's mail, read as an iTIP REPLY. Anything else, or a mail
     * that cannot be parsed, is not readable; it never fails the job.
     */
    @Component("readCalendarReply")
    static class ReadReply implements JavaDelegate {

        private final ReplyInbox inbox;

        ReadReply(ReplyInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public void execute(DelegateExecution execution) throws MessagingException {
            String messageId = ((String) execution.getVariable(VAR_REPLY_IDS))
                    .split("\n")[(Integer) execution.getVariable(VAR_LOOP_COUNTER)];
            execution.setVariable(VAR_MESSAGE_ID, messageId);
            execution.setVariable(VAR_READABLE, false);
            Optional<Object> read = inbox.read(messageId, message -> {
                try {
                    return CalendarReply.of(message);
                } catch (CalendarReply.Unreadable e) {
                    return e.getMessage();
                }
            });
            if (read.isEmpty()) {
                execution.setVariable(VAR_PROBLEM, "gone from the inbox");
            } else if (read.get() instanceof CalendarReply reply) {
                execution.setVariable(VAR_READABLE, true);
                execution.setVariable(VAR_REGISTRATION_ID, reply.registrationId());
                execution.setVariable(VAR_ATTENDEE, reply.attendeeEmail());
                execution.setVariable(VAR_ACCEPTED, reply.accepted());
            } else {
                execution.setVariable(VAR_PROBLEM, read.get());
            }
        }
    }

    /** service_answer_reply: the registration accepts or declines, as the learner's calendar said. */
    @Component("answerCalendarReply")
    static class AnswerReply implements JavaDelegate {

        private final RegistrationService registrations;

        AnswerReply(RegistrationService registrations) {
            this.registrations = registrations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long registrationId = (Long) execution.getVariable(VAR_REGISTRATION_ID);
            boolean accepted = (Boolean) execution.getVariable(VAR_ACCEPTED);
            boolean answered = registrations.answerFromCalendar(registrationId,
                    (String) execution.getVariable(VAR_ATTENDEE), accepted);
            execution.setVariable(VAR_ANSWERED, answered);
            if (answered) {
                LOG.info("Calendar reply {}: registration {} {}", execution.getVariable(VAR_MESSAGE_ID), registrationId,
                        accepted ? "accepted" : "declined");
            } else {
                execution.setVariable(VAR_PROBLEM, "registration " + registrationId
                        + " has no open invitation or offer for this attendee, or no place is left");
            }
        }
    }

    /** service_remove_reply: after the answer committed, the reply leaves the inbox (mail-delete connector). */
    @Component("removeCalendarReply")
    static class RemoveReply implements JavaDelegate {

        private final ReplyInbox inbox;

        RemoveReply(ReplyInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public void execute(DelegateExecution execution) throws MessagingException {
            inbox.remove((String) execution.getVariable(VAR_MESSAGE_ID));
        }
    }

    /** service_set_reply_aside: logged and moved out of the inbox, for a person to look at. */
    @Component("setCalendarReplyAside")
    static class SetReplyAside implements JavaDelegate {

        private final ReplyInbox inbox;

        SetReplyAside(ReplyInbox inbox) {
            this.inbox = inbox;
        }

        @Override
        public void execute(DelegateExecution execution) throws MessagingException {
            String messageId = (String) execution.getVariable(VAR_MESSAGE_ID);
            LOG.warn("Calendar reply {} moved to {}: {}", messageId, ReplyInbox.ASIDE,
                    execution.getVariable(VAR_PROBLEM));
            inbox.setAside(messageId);
        }
    }
}
