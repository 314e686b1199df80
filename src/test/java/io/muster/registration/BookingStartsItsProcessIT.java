package io.muster.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.registration.internal.RegistrationProcess;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every booking starts its registration process in its own transaction, the one way in: the
 * answer comes back with the process already there, its eligibility decision recorded against it
 * (what Cockpit shows), and a refused booking leaves nothing behind.
 */
@IntegrationTest
class BookingStartsItsProcessIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;

    private ProcessInstance processOf(long registration) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .processInstanceBusinessKey(Long.toString(registration)).singleResult();
    }

    private HistoricDecisionInstance eligibilityOf(String processInstanceId) {
        return history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
                .decisionDefinitionKey("registration-eligibility").includeInputs().includeOutputs().singleResult();
    }

    @Test
    void aBookingIsAnsweredWithItsProcessAlreadyWaitingAndItsEligibilityDecisionRecordedAgainstIt() {
        long session = fixtures.session(5, false, false);
        String learner = fixtures.learner();

        Api.Response booked = fixtures.book(learner, session);

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("REGISTERED");
        ProcessInstance process = processOf(booked.body().get("id").asLong());
        assertThat(process).as("started in the booking's own transaction").isNotNull();
        assertThat(runtime.getActiveActivityIds(process.getId()))
                .containsAnyOf(RegistrationProcess.SERVICE_NOTIFY_REGISTERED, RegistrationProcess.TIMER_SESSION_OVER);

        HistoricDecisionInstance decision = eligibilityOf(process.getId());
        assertThat(decision).as("Cockpit lists the decision under this process instance").isNotNull();
        assertThat(decision.getActivityId()).isEqualTo(RegistrationProcess.SERVICE_CHECK_ELIGIBILITY);
        Map<String, Object> inputs = decision.getInputs().stream().filter(i -> i.getValue() != null)
                .collect(Collectors.toMap(HistoricDecisionInputInstance::getClauseName,
                        HistoricDecisionInputInstance::getValue));
        assertThat(inputs).containsEntry("Registration method", "SELF");
        assertThat(decision.getOutputs()).extracting(HistoricDecisionOutputInstance::getVariableName)
                .contains("outcome", "reason");
        assertThat(decision.getOutputs()).filteredOn(o -> "outcome".equals(o.getVariableName()))
                .extracting(HistoricDecisionOutputInstance::getValue).containsExactly("REGISTER");
        assertThat(decision.getOutputs().get(0).getRuleId()).as("the matched rule").isNotBlank();
        assertThat(Mailbox.awaitSubjects(learner + "@example.org", 1)).hasSize(1);
    }

    @Test
    void twoBookingsAskingTheSameEachHaveTheirOwnDecisionInstance() {
        long session = fixtures.session(5, false, false);
        long first = fixtures.book(fixtures.learner(), session).body().get("id").asLong();
        long second = fixtures.book(fixtures.learner(), session).body().get("id").asLong();

        HistoricDecisionInstance one = eligibilityOf(processOf(first).getId());
        HistoricDecisionInstance other = eligibilityOf(processOf(second).getId());
        assertThat(other.getId()).isNotEqualTo(one.getId());
        assertThat(other.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId)
                .isEqualTo(one.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).toList());
        assertThat(other.getInputs()).hasSameSizeAs(one.getInputs());
    }

    @Test
    void aBookingNeedingApprovalHasItsApproversTaskAndItsDecisionWhenAnswered() {
        long session = fixtures.session(5, false, true);
        // a manager of their own approves, so no open task reaches every approver in other tests
        String manager = api.createPerson(Api.unique("manager"), MusterGroups.APPROVERS, Map.of());
        String learner = fixtures.learner(Map.of("managerUsername", manager));

        Api.Response booked = fixtures.book(learner, session);

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("NEEDS_APPROVAL");
        ProcessInstance process = processOf(booked.body().get("id").asLong());
        assertThat(runtime.getActiveActivityIds(process.getId()))
                .contains(RegistrationProcess.USER_APPROVE_REGISTRATION);
        assertThat(eligibilityOf(process.getId()).getOutputs())
                .filteredOn(o -> "outcome".equals(o.getVariableName()))
                .extracting(HistoricDecisionOutputInstance::getValue).containsExactly("NEEDS_APPROVAL");
    }

    @Test
    void aRefusedBookingLeavesNoRegistrationNoProcessAndNoDecisionBehind() {
        long course = fixtures.course("ASSIGNMENT_ONLY");
        long session = fixtures.session(course, 5, false);
        String learner = fixtures.learner();
        long processesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .count();
        long decisionsBefore = history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("registration-eligibility").count();

        Api.Response refused = fixtures.book(learner, session);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).isEqualTo("This course is by assignment only");
        assertThat(jdbc.queryForObject("select count(*) from registration where session_id = ?", Long.class,
                session)).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY).count())
                .isEqualTo(processesBefore);
        assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("registration-eligibility")
                .count()).as("the evaluation rolled back with the booking").isEqualTo(decisionsBefore);
    }

    @Test
    void aFullSessionWithoutAWaitingListRefusesTheBookingAndLeavesNothingBehind() {
        long session = fixtures.session(1, false, false);
        assertThat(fixtures.book(fixtures.learner(), session).status()).isEqualTo(201);
        String late = fixtures.learner();

        Api.Response refused = fixtures.book(late, session);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(fixtures.statusesOn(session)).doesNotContainKey(late).containsValue("REGISTERED").hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RegistrationProcess.KEY)
                .variableValueEquals("sessionId", session).count()).isOne();
    }

    @Test
    void aSeatOfferedToTheWaitingListRecordsItsOfferPolicyDecisionAgainstThePromotion() {
        long session = fixtures.session(1, true, false);
        String seated = fixtures.learner();
        long seat = fixtures.book(seated, session).body().get("id").asLong();
        assertThat(fixtures.book(fixtures.learner(), session).body().get("status").asText()).isEqualTo("WAITING_LIST");

        assertThat(api.post(seated, Api.passwordOf(seated), "/api/registrations/" + seat + "/cancel", null).status())
                .isEqualTo(200);

        String promotion = "session-" + session;
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> history.createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("waitlist-offer-policy").processDefinitionKey("waitlist-promotion")
                .list().stream().anyMatch(d -> promotion.equals(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(d.getProcessInstanceId()).singleResult().getBusinessKey())));
    }
}
