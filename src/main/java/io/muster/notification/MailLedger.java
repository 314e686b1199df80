package io.muster.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exactly-once mail, as far as SMTP allows. Each event's record commits as SENDING in its own
 * transaction before the SMTP server sees the mail, and as SENT in another one right after the
 * server took it, so a job rolled back later (or retried) never sends again. Only a crash between
 * the server's acceptance and the SENT commit leaves SENDING behind: the retry then sends the
 * same mail with the same Message-ID, derived from the event, and receivers drop the duplicate.
 */
@Component
class MailLedger {

    private final SentMailRepository sent;

    MailLedger(SentMailRepository sent) {
        this.sent = sent;
    }

    /**
     * The Message-ID to send the event's mail with, or empty when it was sent already. Records the
     * mail as SENDING first.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<String> begin(SentMail mail) {
        Optional<SentMail> recorded = sent.findByEventKey(mail.getEventKey());
        if (recorded.isPresent()) {
            return recorded.get().isSent() ? Optional.empty() : Optional.of(recorded.get().getMessageId());
        }
        try {
            sent.saveAndFlush(mail);
        } catch (DataIntegrityViolationException e) {
            // another node recorded the same event a moment ago: it sends, with the same Message-ID
            return Optional.empty();
        }
        return Optional.of(mail.getMessageId());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(String eventKey) {
        sent.findByEventKey(eventKey).ifPresent(SentMail::markSent);
    }

    /** A Message-ID that names the event: the same on every try. */
    static String messageId(String eventKey, String host) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".muster@" + host + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
