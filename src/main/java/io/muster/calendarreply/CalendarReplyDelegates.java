package io.muster.calendarreply;

import static io.muster.calendarreply.CalendarRepliesProcess.*;

import java.util.List;
import java.util.Optional;

import io.muster.registration.Answers;
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
            REPLY_IDS.set(execution, String.join("\n", ids));
            REPLY_COUNT.set(execution, ids.size());
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
            String messageId = (REPLY_IDS.get(execution))
                    .split("\n")[LOOP_COUNTER.get(execution)];
            MESSAGE_ID.set(execution, messageId);
            READABLE.set(execution, false);
            Optional<Object> read = inbox.read(messageId, message -> {
                try {
                    return CalendarReply.of(message);
                } catch (CalendarReply.Unreadable e) {
                    return e.getMessage();
                }
            });
            if (read.isEmpty()) {
                PROBLEM.set(execution, "gone from the inbox");
            } else if (read.get() instanceof CalendarReply reply) {
                READABLE.set(execution, true);
                REGISTRATION_ID.set(execution, reply.registrationId());
                ATTENDEE.set(execution, reply.attendeeEmail());
                ACCEPTED.set(execution, reply.accepted());
            } else {
                PROBLEM.set(execution, String.valueOf(read.get()));
            }
        }
    }

    /** service_answer_reply: the registration accepts or declines, as the learner's calendar said. */
    @Component("answerCalendarReply")
    static class AnswerReply implements JavaDelegate {

        private final Answers registrations;

        AnswerReply(Answers registrations) {
            this.registrations = registrations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long registrationId = REGISTRATION_ID.get(execution);
            boolean accepted = ACCEPTED.get(execution);
            boolean answered = registrations.answerFromCalendar(registrationId,
                    ATTENDEE.get(execution), accepted);
            ANSWERED.set(execution, answered);
            if (answered) {
                LOG.info("Calendar reply {}: registration {} {}", MESSAGE_ID.get(execution), registrationId,
                        accepted ? "accepted" : "declined");
            } else {
                PROBLEM.set(execution, "registration " + registrationId
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
            inbox.remove(MESSAGE_ID.get(execution));
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
            String messageId = MESSAGE_ID.get(execution);
            LOG.warn("Calendar reply {} moved to {}: {}", messageId, ReplyInbox.ASIDE,
                    PROBLEM.get(execution));
            inbox.setAside(messageId);
        }
    }
}
