package io.muster.calendarreply;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.extension.mail.service.FolderWrapper;
import org.camunda.bpm.extension.mail.service.MailService;
import org.camunda.bpm.extension.mail.service.MailServiceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The IMAP inbox of Muster's own address, through the Camunda mail connector's mail service
 * (configured by notification.MailConnectorSetup): what was handled is removed, what cannot be
 * handled is moved to the folder {@link #ASIDE}. A mail is named by its Message-ID across the
 * separate jobs of one poll (message numbers shift as mails leave); a mail that came without one
 * (some clients and gateways omit it) is named by a digest of its content, which stays the same
 * from poll to poll, so its reply counts once like any other.
 */
@Component
class ReplyInbox {

    static final String INBOX = "INBOX";
    static final String ASIDE = "Muster-Unprocessed";
    static final String DERIVED_SUFFIX = "@content.muster";

    private static final Logger LOG = LoggerFactory.getLogger(ReplyInbox.class);

    /** The names of the mails in the inbox. An unreachable inbox is logged and yields none: the next poll tries again. */
    List<String> messageIds() {
        try (FolderWrapper inbox = mailService().getFolder(INBOX)) {
            List<String> ids = new ArrayList<>();
            for (Message message : inbox.getFolder().getMessages()) {
                ids.add(nameOf(message));
            }
            return ids;
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Calendar replies: cannot read the inbox ({}); the next poll tries again", e.getMessage());
            return List.of();
        }
    }

    /** The Message-ID, or for a mail without one a name derived from all its bytes. */
    static String nameOf(Message message) throws MessagingException {
        String id = message instanceof MimeMessage mime ? mime.getMessageID() : null;
        if (id != null && !id.isBlank()) {
            return id;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                message.writeTo(sink);
            }
            return "<" + HexFormat.of().formatHex(digest.digest()) + DERIVED_SUFFIX + ">";
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new MessagingException("Cannot name a mail without a Message-ID", e);
        }
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

    /** Handled: out of the inbox (expunged when it closes), so the next poll does not see it again. */
    void remove(String messageId) throws MessagingException {
        try (FolderWrapper inbox = mailService().getFolder(INBOX)) {
            Optional<Message> message = find(inbox.getFolder(), messageId);
            if (message.isPresent()) {
                message.get().setFlag(Flags.Flag.DELETED, true);
            }
        }
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
            if (messageId.equals(nameOf(message))) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static MailService mailService() {
        return MailServiceFactory.getInstance().get();
    }
}
