package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The SMTP server is away for a while: the booking stands, the mail waits in a retrying job and goes out later. */
@IntegrationTest
class SmtpOutageIT {

    @Autowired Fixtures fixtures;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;

    @AfterEach
    void smtpBack() {
        mailSender.setPort(EmbeddedServices.mail().getSmtp().getPort());
    }

    @Test
    void aBookingMadeWhileSmtpIsDownIsMailedOnceItIsBack() {
        long session = fixtures.session(3, false, false);
        String learner = fixtures.learner();
        mailSender.setPort(EmbeddedServices.freePort());

        var booking = fixtures.book(learner, session);
        assertThat(booking.status()).isEqualTo(201);
        long registration = booking.body().get("id").asLong();
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("registration")
                .processInstanceBusinessKey(Long.toString(registration)).singleResult().getId();
        // the job executor tries, fails and leaves the job to retry later, with the error on it
        await().atMost(Duration.ofSeconds(60)).until(() -> mailJob(instance).getExceptionMessage() != null);
        Job failing = mailJob(instance);
        // six more tries, after 1, 2, 4, 8, 16 and 32 minutes: the first a minute on
        assertThat(failing.getRetries()).isEqualTo(6);
        assertThat(failing.getDuedate()).isBetween(new java.util.Date(System.currentTimeMillis() + 30_000),
                new java.util.Date(System.currentTimeMillis() + 70_000));
        assertThat(Mailbox.subjectsTo(learner + "@example.org")).isEmpty();
        assertThat(fixtures.registration(learner, registration).body().get("status").asText()).isEqualTo("REGISTERED");

        mailSender.setPort(EmbeddedServices.mail().getSmtp().getPort());
        managementService.executeJob(failing.getId());

        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 1)).singleElement().asString()
                .startsWith("You are booked");
        assertThat(managementService.createJobQuery().processInstanceId(instance).messages().count()).isZero();
    }

    private Job mailJob(String processInstanceId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).messages().singleResult();
    }
}
