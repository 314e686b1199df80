package io.muster.roster;

import static io.muster.roster.RegistrationStatus.*;
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
}
