package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A mail is never sent twice for the same event, even when its job is retried after a crash. */
@IntegrationTest
class MailOnceIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Notifications notifications;
    @Autowired MailLedger ledger;
    @Autowired SentMailRepository sent;
    @Autowired PlatformTransactionManager transactions;

    private long bookedRegistration(String learner) {
        long registration = fixtures.book(learner, fixtures.session(3, false, false)).body().get("id").asLong();
        Mailbox.awaitSubjects(learner + "@example.org", 1);
        return registration;
    }

    private JsonNode log(String learner) {
        return api.asAdmin(HttpMethod.GET, "/api/notifications?username=" + learner, null).body();
    }

    @Test
    void aJobRolledBackAfterTheSmtpServerTookTheMailDoesNotSendItAgainOnRetry() {
        String learner = fixtures.learner();
        long registration = bookedRegistration(learner);

        // the job sends, then fails before its commit (a later step throws, the node dies)
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            notifications.send(MailType.REMINDER, registration, null, null);
            throw new IllegalStateException("crash after the SMTP server took the mail");
        })).hasMessageContaining("crash");
        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 2)).hasSize(2);

        notifications.send(MailType.REMINDER, registration, null, null);
        assertThat(Mailbox.subjectsTo(learner + "@example.org")).hasSize(2);
        assertThat(log(learner).findValuesAsText("type")).containsExactlyInAnyOrder("REGISTERED", "REMINDER");
        assertThat(log(learner).findValuesAsText("status")).containsOnly("SENT");
    }

    @Test
    void aRetryAfterACrashBetweenTheSmtpAcceptAndTheRecordSendsTheSameMessageIdAgainOnce() throws Exception {
        String learner = fixtures.learner();
        long registration = bookedRegistration(learner);
        String eventKey = "registration:" + registration + ":APPROVAL_DECLINED";
        String messageId = MailLedger.messageId(eventKey, "localhost");
        // what the crashed try left behind: the record SENDING, the mail possibly at the receiver
        assertThat(ledger.begin(new SentMail("APPROVAL_DECLINED", learner + "@example.org", null, registration,
                eventKey, java.time.Instant.now(), messageId))).contains(messageId);

        notifications.send(MailType.APPROVAL_DECLINED, registration, null, null);
        notifications.send(MailType.APPROVAL_DECLINED, registration, null, null);

        List<MimeMessage> mails = Mailbox.to(learner + "@example.org");
        assertThat(mails).hasSize(2);
        // the receiver sees the Message-ID the crashed try used, so it can drop a copy it already has
        assertThat(mails.get(1).getMessageID()).isEqualTo(messageId);
        assertThat(sent.findByEventKey(eventKey).orElseThrow().getStatus()).isEqualTo("SENT");
    }
}
