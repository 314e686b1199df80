package io.muster.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Muster's mail comes from and where calendar replies arrive. SMTP itself is Spring's
 * {@code spring.mail.*} (MUSTER_SMTP_HOST, MUSTER_SMTP_PORT, MUSTER_MAIL_USERNAME, MUSTER_MAIL_PASSWORD).
 *
 * @param from           the address learners see and reply to
 * @param imapHost       the IMAP server holding replies to {@code from}
 * @param imapPort       its port
 * @param embeddedServer run an in-process SMTP/IMAP server (the embedded default run mode)
 */
@ConfigurationProperties("muster.mail")
public record MailSettings(String from, String imapHost, int imapPort, boolean embeddedServer) {
}
