package io.muster.notification;

import java.util.Properties;

import org.camunda.bpm.extension.mail.config.JakartaMailProperties;
import org.camunda.bpm.extension.mail.config.MailConfigurationFactory;
import org.camunda.bpm.extension.mail.config.PropertiesMailConfiguration;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.stereotype.Component;

/**
 * Configures the Camunda mail connector (mail-send, mail-poll, mail-delete) from the same
 * settings as the rest of Muster, instead of a separate mail-config.properties file. Its
 * notification service is not used: it would hold an IMAP connection on every node; the inbox
 * is polled from a BPMN timer instead.
 */
@Component
class MailConnectorSetup {

    MailConnectorSetup(MailProperties smtp, MailSettings settings) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", smtp.getHost());
        p.setProperty("mail.smtp.port", String.valueOf(smtp.getPort()));
        p.setProperty("mail.smtp.auth", String.valueOf(smtp.getUsername() != null));
        p.setProperty("mail.store.protocol", "imap");
        p.setProperty("mail.imap.host", settings.imapHost());
        p.setProperty("mail.imap.port", String.valueOf(settings.imapPort()));
        p.setProperty("mail.user", smtp.getUsername() == null ? "" : smtp.getUsername());
        p.setProperty("mail.password", smtp.getPassword() == null ? "" : smtp.getPassword());
        JakartaMailProperties.set(p);
        PropertiesMailConfiguration connector = new PropertiesMailConfiguration();
        connector.setPollFolder("INBOX");
        connector.setSender(settings.from());
        connector.setSenderAlias("Muster");
        MailConfigurationFactory.getInstance().set(connector);
    }
}
