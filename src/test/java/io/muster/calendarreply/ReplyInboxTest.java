package io.muster.calendarreply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** A mail is named by its Message-ID, or by its content where it has none: the same mail always gets the same name. */
class ReplyInboxTest {

    private static MimeMessage mail(String text, boolean withMessageId) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("learner@example.org"));
        message.setSubject("Accepted: Fire Safety");
        message.setSentDate(new java.util.Date(1_780_000_000_000L));
        message.setText(text);
        message.saveChanges();
        if (!withMessageId) {
            message.removeHeader("Message-ID");
        }
        return message;
    }

    @Test
    void aMailWithAMessageIdIsNamedByIt() throws Exception {
        MimeMessage message = mail("yes", true);
        assertThat(ReplyInbox.nameOf(message)).isEqualTo(message.getMessageID());
    }

    @Test
    void aMailWithoutOneIsNamedByItsContentTheSameEachTime() throws Exception {
        String first = ReplyInbox.nameOf(mail("yes", false));
        assertThat(first).endsWith(ReplyInbox.DERIVED_SUFFIX + ">");
        assertThat(ReplyInbox.nameOf(mail("yes", false))).isEqualTo(first);
        assertThat(ReplyInbox.nameOf(mail("no", false))).isNotEqualTo(first);
    }
}
