package io.muster.calendarreply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.extension.mail.delete.DeleteMailConnector;
import org.camunda.bpm.extension.mail.delete.DeleteMailRequest;
import org.camunda.bpm.extension.mail.dto.Mail;
import org.camunda.bpm.extension.mail.poll.PollMailConnector;
import org.camunda.bpm.extension.mail.poll.PollMailRequest;
import org.camunda.bpm.extension.mail.poll.PollMailResponse;
import org.camunda.bpm.extension.mail.service.FolderWrapper;
import org.camunda.bpm.extension.mail.service.MailService;
import org.camunda.bpm.extension.mail.service.MailServiceFactory;
import org.camunda.connect.Connectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The IMAP inbox of Muster's own address, through the Camunda mail connector (configured by
 * notification.MailConnectorSetup): mail-poll lists it, mail-delete removes what was handled,
 * and what cannot be handled is moved to the folder {@link #ASIDE}. A Message-ID names a mail
 * across the separate jobs of one poll; message numbers would shift as mails leave.
 */
@Component
class ReplyInbox {

    static final String INBOX = "INBOX";
    static final String ASIDE = "Muster-Unprocessed";

    private static final Logger LOG = LoggerFactory.getLogger(ReplyInbox.class);

    /**
     * The Message-IDs in the inbox. A mail without one cannot be named later, so it goes aside
     * at once. An unreachable inbox is logged and yields none: the next poll tries again.
     */
    List<String> messageIds() {
        List<Mail> mails;
        try {
            PollMailRequest request = ((PollMailConnector) Connectors.getConnector(PollMailConnector.CONNECTOR_ID))
                    .createRequest().folder(INBOX).downloadAttachments(false);
            mails = ((PollMailResponse) request.execute()).getMails();
        } catch (RuntimeException e) {
            LOG.warn("Calendar replies: cannot read the inbox ({}); the next poll tries again", e.getMessage());
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        List<Integer> anonymous = new ArrayList<>();
        for (Mail mail : mails) {
            if (mail.getMessageId() == null || mail.getMessageId().isBlank()) {
                anonymous.add(mail.getMessageNumber());
            } else {
                ids.add(mail.getMessageId());
            }
        }
        if (!anonymous.isEmpty()) {
            setAsideByNumber(anonymous);
        }
        return ids;
    }

    /** The whole mail, read while the inbox is open; empty when it is gone already. */
    <T> Optional<T> read(String messageId, MailReader<T> reader) throws MessagingException {
        try (FolderWrapper inbox = mailService().getFolder(INBOX)) {
            Optional<Message> message = find(inbox.getFolder(), messageId);
            if (message.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(reader.read(message.get()));
        }
    }

    interface MailReader<T> {
        T read(Message message) throws MessagingException;
    }

    /** Handled: out of the inbox, so the next poll does not see it again. */
    void remove(String messageId) {
        DeleteMailRequest request = ((DeleteMailConnector) Connectors.getConnector(DeleteMailConnector.CONNECTOR_ID))
                .createRequest().folder(INBOX).messageIds(messageId);
        request.execute();
    }

    /** Not for Muster or not understood: moved to {@link #ASIDE} for a person to look at. */
    void setAside(String messageId) throws MessagingException {
        try (FolderWrapper inbox = mailService().getFolder(INBOX)) {
            Optional<Message> message = find(inbox.getFolder(), messageId);
            if (message.isPresent()) {
                move(inbox.getFolder(), new Message[] {message.get()});
            }
        }
    }

    private void setAsideByNumber(List<Integer> numbers) {
        try (FolderWrapper inbox = mailService().getFolder(INBOX)) {
            Message[] messages = inbox.getFolder().getMessages(numbers.stream().mapToInt(Integer::intValue).toArray());
            move(inbox.getFolder(), messages);
            LOG.warn("Calendar replies: {} mail(s) without a Message-ID moved to {}", messages.length, ASIDE);
        } catch (MessagingException e) {
            LOG.warn("Calendar replies: cannot move mails without a Message-ID aside: {}", e.getMessage());
        }
    }

    /** IMAP has no portable MOVE: copy, then delete (expunged when the inbox closes). */
    private static void move(Folder inbox, Message[] messages) throws MessagingException {
        Folder aside = inbox.getStore().getFolder(ASIDE);
        if (!aside.exists()) {
            aside.create(Folder.HOLDS_MESSAGES);
        }
        inbox.copyMessages(messages, aside);
        for (Message message : messages) {
            message.setFlag(Flags.Flag.DELETED, true);
        }
    }

    private static Optional<Message> find(Folder folder, String messageId) throws MessagingException {
        for (Message message : folder.getMessages()) {
            if (message instanceof MimeMessage mime && messageId.equals(mime.getMessageID())) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static MailService mailService() {
        return MailServiceFactory.getInstance().get();
    }
}
