package io.muster.registration;

import static io.muster.registration.RegistrationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;

import io.muster.common.ConflictException;
import org.junit.jupiter.api.Test;

/** The registration guards its own moves: the learner-status table of DESIGN.md, and nothing else. */
class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private static Registration in(RegistrationStatus status) {
        return new Registration(1L, 2L, status, RegistrationMethod.SELF, NOW, "someone", "start");
    }

    @Test
    void everyMoveOfTheLearnerStatusTableIsAllowedAndRecorded() {
        Object[][] table = {
                {NOT_INVITED, INVITED}, {INVITED, REGISTERED}, {INVITED, DECLINED},
                {NEEDS_APPROVAL, REGISTERED}, {NEEDS_APPROVAL, APPROVAL_DECLINED},
                {WAITING_LIST, INVITED}, {REGISTERED, CANCELLED}, {REGISTERED, ATTENDED}, {REGISTERED, ABSENT}};
        for (Object[] move : table) {
            Registration registration = in((RegistrationStatus) move[0]);
            registration.moveTo((RegistrationStatus) move[1], NOW, "someone", "because");
            assertThat(registration.getStatus()).isEqualTo(move[1]);
            assertThat(registration.getHistory()).hasSize(2);
        }
    }

    @Test
    void aRegistrationStartsOnlyWhereTheTableStartsOne() {
        assertThat(EnumSet.allOf(RegistrationStatus.class)).filteredOn(s -> RegistrationStatus.allows(null, s))
                .containsExactlyInAnyOrder(NOT_INVITED, INVITED, NEEDS_APPROVAL, REGISTERED, WAITING_LIST, GO_SHOW);
        assertThatThrownBy(() -> in(CANCELLED)).isInstanceOf(ConflictException.class)
                .hasMessage("A registration cannot start as CANCELLED");
    }

    @Test
    void anEndedRegistrationMovesNowhereAndAMoveRefusedChangesNothing() {
        for (RegistrationStatus ended : RegistrationStatus.ENDED) {
            for (RegistrationStatus to : RegistrationStatus.values()) {
                assertThat(RegistrationStatus.allows(ended, to)).as(ended + " to " + to).isFalse();
            }
        }
        Registration registration = in(WAITING_LIST);
        assertThatThrownBy(() -> registration.moveTo(ATTENDED, NOW, "trainer", "present"))
                .isInstanceOf(ConflictException.class).hasMessage("A registration cannot go from WAITING_LIST to ATTENDED");
        assertThat(registration.getStatus()).isEqualTo(WAITING_LIST);
        assertThat(registration.getHistory()).hasSize(1);
    }

    @Test
    void eachUseCaseIsRefusedByTheRegistrationItselfOutsideTheStatusItNeeds() {
        Registration registered = in(REGISTERED);
        assertThatThrownBy(() -> registered.decideApproval(REGISTERED, NOW, "approver", "ok"))
                .isInstanceOf(ConflictException.class).hasMessage("Not possible for a registration that is REGISTERED");
        assertThatThrownBy(() -> registered.answerInvitation(REGISTERED, NOW, "learner", "yes"))
                .hasMessage("There is no open invitation for this registration");
        assertThatThrownBy(() -> registered.answerOffer(true, NOW, "learner", "yes"))
                .hasMessage("There is no open seat offer for this registration");
        assertThatThrownBy(() -> registered.invite(NOW, "admin"))
                .hasMessage("Not possible for a registration that is REGISTERED");
        assertThatThrownBy(() -> in(WAITING_LIST).recordAttendance(ATTENDED, NOW, "trainer"))
                .hasMessage("Person 2 is not registered for this session");
        assertThatThrownBy(() -> in(WAITING_LIST).confirmAttendance(NOW, "learner"))
                .hasMessage("Not possible for a registration that is WAITING_LIST");
        Registration cancelled = in(REGISTERED);
        cancelled.cancel(NOW, "learner", "ill");
        assertThatThrownBy(() -> cancelled.cancel(NOW, "learner", "again"))
                .hasMessage("Not possible for a registration that is CANCELLED");
        assertThat(cancelled.getHistory()).hasSize(2);
    }

    @Test
    void anOfferIsAnInvitationWithADeadlineAndAnsweredAsAnOfferOnly() {
        Registration waiting = in(WAITING_LIST);
        waiting.offer(NOW.plusSeconds(3600), NOW, "system");
        assertThat(waiting.hasOpenOffer()).isTrue();
        assertThat(waiting.hasOpenInvitation()).isFalse();
        assertThatThrownBy(() -> waiting.answerInvitation(REGISTERED, NOW, "learner", "yes"))
                .hasMessage("There is no open invitation for this registration");
        waiting.answerOffer(true, NOW, "learner", "Offer accepted");
        assertThat(waiting.getStatus()).isEqualTo(REGISTERED);
        assertThat(waiting.getOfferExpiresAt()).isNull();
    }

    @Test
    void cancellingSaysWhetherASeatWasFreed() {
        assertThat(in(REGISTERED).cancel(NOW, "learner", "ill")).isTrue();
        assertThat(in(WAITING_LIST).cancel(NOW, "learner", "ill")).isFalse();
        Registration offered = in(WAITING_LIST);
        offered.offer(NOW.plusSeconds(60), NOW, "system");
        assertThat(offered.cancel(NOW, "learner", "ill")).isTrue();
    }

    @Test
    void anInvitationAcceptedOnAFullSessionQueuesFromTheMomentOfTheAnswer() {
        Registration invited = in(INVITED);
        Instant later = NOW.plusSeconds(600);
        invited.answerInvitation(WAITING_LIST, later, "learner", "yes");
        assertThat(invited.getRequestedAt()).isEqualTo(later);
    }
}
