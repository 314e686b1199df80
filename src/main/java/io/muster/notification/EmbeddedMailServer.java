package io.muster.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.muster.people.PersonRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process SMTP and IMAP server of the embedded default run mode: a real mail server on
 * localhost that holds the mailbox of Muster's own address, so mails and calendar replies travel
 * the same way as in production, and a mailbox for everyone Muster writes to, so what they were
 * sent can be read. Off with the postgres profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "muster.mail.embedded-server", havingValue = "true")
class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail greenMail(MailProperties smtp, MailSettings settings) {
        requireFree(smtp.getPort(), "SMTP", "MUSTER_SMTP_PORT");
        requireFree(settings.imapPort(), "IMAP", "MUSTER_IMAP_PORT");
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.setUser(settings.from(), smtp.getUsername(), smtp.getPassword());
        server.getUserManager().setMessageDeliveryHandler((message, address) -> mailbox(server, address.getEmail()));
        server.start();
        log.info("In-process mail server: SMTP on port {}, IMAP on port {}, mailbox {}", smtp.getPort(),
                settings.imapPort(), settings.from());
        return server;
    }

    /** A port in use (another Muster running, or any other server): say which and how to move it. */
    static void requireFree(int port, String protocol, String setting) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUse(port, protocol, setting);
        }
    }

    /** Explained at start-up by {@link PortInUseAnalyzer}. */
    static final class PortInUse extends IllegalStateException {

        final int port;
        final String protocol;
        final String setting;

        PortInUse(int port, String protocol, String setting) {
            super("Port " + port + " for the in-process mail server's " + protocol + " is taken (another Muster "
                    + "running?); stop what uses it, or set " + setting + " to a free port");
            this.port = port;
            this.protocol = protocol;
            this.setting = setting;
        }
    }

    /** Everyone known at the start has their mailbox at once, so a login works before their first mail. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> mailboxesOfPeople(GreenMail server, PersonRepository people) {
        return ready -> people.findAll().forEach(person -> mailbox(server, person.getEmail()));
    }

    /**
     * The mailbox of an address, made on first use: login and password are the part before the @
     * (for the demo people, their username and password), or the whole address where another
     * address already has that login.
     */
    private static synchronized GreenMailUser mailbox(GreenMail server, String email) {
        UserManager users = server.getUserManager();
        GreenMailUser user = users.getUserByEmail(email);
        if (user != null) {
            return user;
        }
        String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        String login = users.getUser(localPart) == null ? localPart : email;
        try {
            return users.createUser(email, login, login);
        } catch (UserException e) {
            throw new IllegalStateException("Cannot make a mailbox for " + email, e);
        }
    }
}
