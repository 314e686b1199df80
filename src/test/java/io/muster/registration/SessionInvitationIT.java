package io.muster.registration;

import static io.muster.support.CalendarParts.calendarOf;
import static io.muster.support.CalendarParts.eventOf;
import static io.muster.support.CalendarParts.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Learners added to a DRAFT session are invited on publication and answer the invitation. */
@IntegrationTest
class SessionInvitationIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    private Api.Response addInvitees(long session, List<String> usernames) {
        return api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/invitees", Map.of("usernames", usernames));
    }

    private String status(String learner, long registration) {
        return fixtures.registration(learner, registration).body().get("status").asText();
    }

    @Test
    void publishingInvitesTheLearnersAddedWhileDraftAndTheirAnswersTakeSeatsUpToCapacity() throws Exception {
        long session = fixtures.draft(fixtures.course("SELF"), 1, false, false, Map.of());
        String first = fixtures.learner();
        String second = fixtures.learner();
        String declining = fixtures.learner();

        Api.Response added = addInvitees(session, List.of(first, second, declining));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().findValuesAsText("status")).containsOnly("NOT_INVITED");
        assertThat(added.body().findValuesAsText("method")).containsOnly("ADMIN");
        long firstId = added.body().get(0).get("id").asLong();
        long secondId = added.body().get(1).get("id").asLong();
        long decliningId = added.body().get(2).get("id").asLong();
        // nothing goes out while the session is a draft
        assertThat(Mailbox.subjectsTo(first + "@example.org")).isEmpty();

        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/publish", null).status()).isEqualTo(200);
        for (String learner : List.of(first, second, declining)) {
            assertThat(Mailbox.awaitSubjects(learner + "@example.org", 1).get(0)).startsWith("You are invited");
        }
        assertThat(status(first, firstId)).isEqualTo("INVITED");
        VEvent invitation = eventOf(calendarOf(Mailbox.to(first + "@example.org").get(0), "REQUEST"));
        assertThat(value(invitation, "UID")).startsWith("registration-" + firstId + "@");
        assertThat(invitation.getProperty("ATTENDEE").orElseThrow().getParameter("PARTSTAT").orElseThrow()
                .getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(invitation.getProperty("ATTENDEE").orElseThrow().getParameter("RSVP").orElseThrow()
                .getValue()).isEqualTo("TRUE");

        // another learner's invitation is not theirs to answer
        assertThat(fixtures.act(second, firstId, "accept").status()).isEqualTo(404);

        Api.Response accepted = fixtures.act(first, firstId, "accept");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("status").asText()).isEqualTo("REGISTERED");
        assertThat(accepted.body().get("history").findValuesAsText("to"))
                .containsExactly("NOT_INVITED", "INVITED", "REGISTERED");
        assertThat(Mailbox.awaitSubjects(first + "@example.org", 2).get(1)).startsWith("You are booked");
        JsonNode roster = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body();
        assertThat(roster.get("seatsTaken").asInt()).isEqualTo(1);

        // the only seat is gone and there is no waiting list: refused, the invitation stays open
        Api.Response full = fixtures.act(second, secondId, "accept");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.body().get("detail").asText()).isEqualTo("Session full");
        assertThat(status(second, secondId)).isEqualTo("INVITED");

        Api.Response declined = fixtures.act(declining, decliningId, "decline");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.body().get("status").asText()).isEqualTo("DECLINED");
        assertThat(fixtures.act(declining, decliningId, "accept").status()).isEqualTo(409);
    }

    @Test
    void anInviteeWhoHasNotAnsweredGetsTheChangedInvitationStillAwaitingTheirAnswer() throws Exception {
        long session = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of());
        String invitee = fixtures.learner();
        long registration = addInvitees(session, List.of(invitee)).body().get(0).get("id").asLong();
        assertThat(api.asAdmin(HttpMethod.POST, "/api/sessions/" + session + "/publish", null).status()).isEqualTo(200);
        Mailbox.awaitSubjects(invitee + "@example.org", 1);

        JsonNode current = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body();
        Map<String, Object> edit = new java.util.HashMap<>(Map.of("courseId", current.get("courseId").asLong(),
                "title", current.get("title").asText(), "startsAt", current.get("startsAt").asText(),
                "timeZone", current.get("timeZone").asText(), "durationMinutes", current.get("durationMinutes").asInt(),
                "type", "IN_PERSON", "location", "Room 12", "capacity", 5));
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/sessions/" + session, edit).status()).isEqualTo(200);

        assertThat(Mailbox.awaitSubjects(invitee + "@example.org", 2).get(1)).startsWith("Changed");
        VEvent changed = eventOf(calendarOf(Mailbox.to(invitee + "@example.org").get(1), "REQUEST"));
        assertThat(value(changed, "UID")).startsWith("registration-" + registration + "@");
        assertThat(value(changed, "SEQUENCE")).isEqualTo("1");
        assertThat(value(changed, "LOCATION")).isEqualTo("Room 12");
        assertThat(changed.getProperty("ATTENDEE").orElseThrow().getParameter("PARTSTAT").orElseThrow()
                .getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(status(invitee, registration)).isEqualTo("INVITED");
    }

    @Test
    void onlyAdminsAddInviteesOnlyToDraftsAndABadNameChangesNothing() {
        long draft = fixtures.draft(fixtures.course("SELF"), 5, false, false, Map.of());
        String learner = fixtures.learner();

        assertThat(api.post(learner, Api.passwordOf(learner), "/api/sessions/" + draft + "/invitees",
                Map.of("usernames", List.of(learner))).status()).isEqualTo(403);
        Api.Response unknown = addInvitees(draft, List.of(learner, "nobody-" + Api.unique("x")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("usernames[1]");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/sessions/" + draft + "/roster", null).body()
                .get("registrations")).isEmpty();

        assertThat(addInvitees(draft, List.of(learner)).status()).isEqualTo(201);
        assertThat(addInvitees(draft, List.of(learner)).status()).isEqualTo(409);
        // an admin booking into a draft is pointed to the invitees
        Api.Response booking = api.asAdmin(HttpMethod.POST, "/api/sessions/" + draft + "/registrations",
                Map.of("username", fixtures.learner()));
        assertThat(booking.status()).isEqualTo(409);
        assertThat(booking.body().get("detail").asText()).contains("/invitees");

        long published = fixtures.session(5, false, false);
        assertThat(addInvitees(published, List.of(fixtures.learner())).status()).isEqualTo(409);
    }
}
