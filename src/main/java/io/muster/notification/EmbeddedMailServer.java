package io.muster.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process SMTP and IMAP server of the embedded default run mode: a real mail server on
 * localhost that holds the mailbox of Muster's own address, so mails and calendar replies travel
 * the same way as in production. Off with the postgres profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "muster.mail.embedded-server", havingValue = "true")
class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail greenMail(MailProperties smtp, MailSettings settings) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.setUser(settings.from(), smtp.getUsername(), smtp.getPassword());
        server.start();
        log.info("In-process mail server: SMTP on port {}, IMAP on port {}, mailbox {}", smtp.getPort(),
                settings.imapPort(), settings.from());
        return server;
    }
}
