package io.muster.notification;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The record of one mail sent: what, to whom, for which session and registration, when. */
@Entity
@Table(name = "notification")
class SentMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String type;
    private String recipient;
    private Long sessionId;
    private Long registrationId;
    private String eventKey;
    private Instant sentAt;
    private String messageId;

    /** SENDING until the SMTP server took the mail, then SENT. */
    private String status;

    protected SentMail() {
    }

    public Long getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getRecipient() {
        return recipient;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getRegistrationId() {
        return registrationId;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getMessageId() {
        return messageId;
    }

    String getEventKey() {
        return eventKey;
    }

    public String getStatus() {
        return status;
    }

    boolean isSent() {
        return "SENT".equals(status);
    }

    void markSent() {
        this.status = "SENT";
    }

    SentMail(String type, String recipient, Long sessionId, Long registrationId, String eventKey, Instant sentAt,
            String messageId) {
        this.type = type;
        this.recipient = recipient;
        this.sessionId = sessionId;
        this.registrationId = registrationId;
        this.eventKey = eventKey;
        this.sentAt = sentAt;
        this.messageId = messageId;
        this.status = "SENDING";
    }
}
