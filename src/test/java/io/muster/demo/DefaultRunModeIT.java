package io.muster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.MusterApplication;
import io.muster.people.PersonRepository;
import io.muster.session.SessionRepository;
import io.muster.support.EmbeddedServices;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/**
 * The embedded default run mode, as `./mvnw spring-boot:run` starts it: no profile, an H2 file
 * database, the in-process mail server and demo data; started twice on the same files, as a
 * restart would.
 */
class DefaultRunModeIT {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(int smtp, int imap) {
        return new SpringApplicationBuilder(MusterApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("muster") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--spring.mail.port=" + smtp,
                "--muster.mail.imap-port=" + imap);
    }

    @Test
    void startsOnH2WithDemoDataAndMailAndKeepsEverythingAcrossARestart() throws Exception {
        int smtp = EmbeddedServices.freePort();
        int imap = EmbeddedServices.freePort();
        long people;
        long sessions;
        try (ConfigurableApplicationContext app = start(smtp, imap)) {
            people = app.getBean(PersonRepository.class).count();
            sessions = app.getBean(SessionRepository.class).count();
            assertThat(people).isGreaterThanOrEqualTo(8);
            assertThat(sessions).isEqualTo(4);
            assertThat(Files.exists(dataDir.resolve("muster.mv.db"))).isTrue();

            RestClient http = RestClient.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
            for (String login : List.of("learner1", "learner2", "learner3", "learner4", "learner5", "approver",
                    "trainer", "analyst", "enrolments")) {
                assertThat(http.get().uri("/api/people/" + login).headers(h -> h.setBasicAuth(login, login))
                        .retrieve().toBodilessEntity().getStatusCode()).as(login).isEqualTo(HttpStatus.OK);
            }
            JsonNode catalogue = new ObjectMapper().readTree(http.get().uri("/api/sessions")
                    .headers(h -> h.setBasicAuth("admin", "admin")).retrieve().body(String.class));
            assertThat(catalogue).hasSize(4);
            assertThat(catalogue.findValuesAsText("approvalRequired")).contains("true");
            assertThat(catalogue.findValuesAsText("capacity")).contains("2");
            assertThat(catalogue.findValuesAsText("status")).contains("SCHEDULED", "DRAFT");

            // the in-process mail server takes mail over SMTP and serves Muster's mailbox over IMAP
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom("learner1@muster.local");
            mail.setTo("muster@localhost");
            mail.setSubject("Hello Muster");
            mail.setText("a reply");
            app.getBean(JavaMailSender.class).send(mail);
            assertThat(subjectsInInbox(imap, "muster", "muster")).contains("Hello Muster");
            // and a mailbox for each person, login and password their username, as for the demo people
            mail.setTo("learner2@muster.local");
            mail.setSubject("Hello Leo");
            app.getBean(JavaMailSender.class).send(mail);
            assertThat(subjectsInInbox(imap, "learner2", "learner2")).contains("Hello Leo");
            assertThat(subjectsInInbox(imap, "learner6", "learner6")).doesNotContain("Hello Leo");
        }
        try (ConfigurableApplicationContext again = start(smtp, imap)) {
            assertThat(again.getBean(PersonRepository.class).count()).isEqualTo(people);
            assertThat(again.getBean(SessionRepository.class).count()).isEqualTo(sessions);
        }
    }

    private static List<String> subjectsInInbox(int imapPort, String login, String password) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", "imap");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", imapPort, login, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new java.util.ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
