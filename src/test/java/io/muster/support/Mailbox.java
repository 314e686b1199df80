package io.muster.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the real SMTP server of the tests (GreenMail) received, per recipient. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<String> subjectsTo(String address) {
        return Arrays.stream(EmbeddedServices.mail().getReceivedMessages())
                .filter(m -> sentTo(m, address))
                .map(Mailbox::subject)
                .toList();
    }

    /** Waits (the mails go out from asynchronous jobs) until the recipient has this many mails. */
    public static List<String> awaitSubjects(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> subjectsTo(address).size() >= count);
        return subjectsTo(address);
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(EmbeddedServices.mail().getReceivedMessages()).filter(m -> sentTo(m, address)).toList();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
