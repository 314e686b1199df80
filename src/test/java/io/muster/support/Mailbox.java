package io.muster.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** What the real SMTP server of the tests (GreenMail) received, per recipient. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/\\S*)");

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

    /** The text parts a reader sees: the plain text, then the HTML (the calendar part is not one of them). */
    public static List<String> texts(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("text/plain")
                    || parts.getBodyPart(i).getContentType().startsWith("text/html")) {
                texts.add((String) parts.getBodyPart(i).getContent());
            }
        }
        return texts;
    }

    /** The paths of the links in a mail's plain text, in their order. */
    public static List<String> linkPaths(MimeMessage message) throws Exception {
        return LINK.matcher(texts(message).get(0)).results().map(m -> m.group(1)).toList();
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
