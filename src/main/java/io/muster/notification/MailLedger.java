package io.muster.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A batch sent over one connection is recorded the same way, its records together.
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

    /**
     * {@link #begin} for a batch, in one transaction: the Message-ID to send each event's mail
     * with, by event key; events sent already are left out.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Map<String, String> beginAll(List<SentMail> mails) {
        Map<String, SentMail> recorded = new HashMap<>();
        sent.findByEventKeyIn(mails.stream().map(SentMail::getEventKey).toList())
                .forEach(m -> recorded.put(m.getEventKey(), m));
        Map<String, String> messageIds = new LinkedHashMap<>();
        for (SentMail mail : mails) {
            SentMail before = recorded.putIfAbsent(mail.getEventKey(), mail);
            if (before == null) {
                sent.save(mail);
                messageIds.put(mail.getEventKey(), mail.getMessageId());
            } else if (!before.isSent()) {
                messageIds.put(mail.getEventKey(), before.getMessageId());
            }
        }
        // another node recording one of these events a moment ago fails the batch here, before any mail goes out
        sent.flush();
        return messageIds;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sentAll(Collection<String> eventKeys) {
        if (!eventKeys.isEmpty()) {
            sent.markSent(eventKeys);
        }
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
