package io.muster.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A booking that waits for the approvers group asks every approver, however many there are: the
 * mail goes out once to each, and the log records them all.
 */
@IntegrationTest
class MailToManyApproversIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anApprovalRequestReachesEveryApproverEvenWhenTheirAddressesRunLong() {
        List<String> approvers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            approvers.add(api.createPerson(Api.unique("approver-with-a-long-name"), MusterGroups.APPROVERS, Map.of()));
        }
        long session = fixtures.session(5, false, true);
        String learner = fixtures.learner();
        long registration = fixtures.book(learner, session).body().get("id").asLong();

        for (String approver : approvers) {
            assertThat(Mailbox.awaitSubjects(approver + "@example.org", 1)).hasSize(1);
        }
        String recorded = jdbc.queryForObject("select recipient from notification where registration_id = ?"
                + " and type = 'APPROVAL_REQUEST'", String.class, registration);
        assertThat(recorded.length()).isGreaterThan(320);
        assertThat(recorded.split(",")).contains(approvers.stream().map(a -> a + "@example.org").toArray(String[]::new));
    }
}
