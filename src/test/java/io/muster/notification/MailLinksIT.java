package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The links in the mails lead to Muster's pages, never into its JSON API. */
@IntegrationTest
class MailLinksIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void aLearnersMailsLinkToTheirRegistrationsPage() throws Exception {
        long session = fixtures.session(1, true, false);
        String seated = fixtures.learner();
        long seatedId = booked(seated, session);
        String queued = fixtures.learner();
        long queuedId = booked(queued, session);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/emails", Map.of("type",
                "ATTENDANCE_REMINDER", "usernames", List.of(seated), "text", "See you")).status()).isEqualTo(200);
        Mailbox.awaitSubjects(seated + "@example.org", 2);
        assertThat(fixtures.act(seated, seatedId, "cancel").status()).isEqualTo(200);

        // booked, attendance reminder, cancelled
        List<MimeMessage> toSeated = mailsTo(seated, 3);
        assertThat(Mailbox.linkPaths(toSeated.get(0))).containsExactly("/registrations/" + seatedId);
        assertThat(Mailbox.linkPaths(toSeated.get(1))).containsExactly("/registrations/" + seatedId);
        assertNoApi(toSeated);
        // on the waiting list, then the seat offer
        List<MimeMessage> toQueued = mailsTo(queued, 2);
        assertThat(Mailbox.linkPaths(toQueued.get(1))).containsExactly("/registrations/" + queuedId);
        assertNoApi(toQueued);
    }

    @Test
    void anInvitationLinksToTheRegistrationsPage() throws Exception {
        long draft = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of());
        String invitee = fixtures.learner();
        long inviteeId = api.asAdmin(HttpMethod.POST, "/api/sessions/" + draft + "/invitees",
                Map.of("usernames", List.of(invitee))).body().get(0).get("id").asLong();
        api.asAdmin(HttpMethod.POST, "/api/sessions/" + draft + "/publish", null);

        List<MimeMessage> toInvitee = mailsTo(invitee, 1);
        assertThat(Mailbox.linkPaths(toInvitee.get(0))).containsExactly("/registrations/" + inviteeId);
        assertNoApi(toInvitee);
    }

    @Test
    void theTrainersInvitationLinksToTheSessionsPage() throws Exception {
        String trainer = api.createPerson(Api.unique("trainer"), MusterGroups.TRAINERS, Map.of());
        long session = fixtures.sessionTrainedBy(trainer, 3, false, false);

        List<MimeMessage> toTrainer = mailsTo(trainer, 1);
        assertThat(Mailbox.linkPaths(toTrainer.get(0))).containsExactly("/sessions/" + session);
        assertNoApi(toTrainer);
    }

    /** Books, and waits for the mail that answers the booking. */
    private long booked(String learner, long session) {
        long registration = fixtures.book(learner, session).body().get("id").asLong();
        Mailbox.awaitSubjects(learner + "@example.org", 1);
        return registration;
    }

    private static List<MimeMessage> mailsTo(String username, int count) {
        Mailbox.awaitSubjects(username + "@example.org", count);
        return Mailbox.to(username + "@example.org");
    }

    private static void assertNoApi(List<MimeMessage> mails) throws Exception {
        for (MimeMessage mail : mails) {
            for (String text : Mailbox.texts(mail)) {
                assertThat(text).as(mail.getSubject()).doesNotContain("/api/").doesNotContain("POST ");
            }
        }
    }
}
