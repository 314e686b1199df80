package io.muster.progress;

import static io.muster.registration.RegistrationStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CourseProgressTest {

    @Test
    void everyEnrolledSessionWeighsTheSameAndOnlyAllAttendedIsComplete() {
        assertThat(CourseProgress.percent(List.of(ATTENDED, REGISTERED), true)).isEqualTo(50);
        assertThat(CourseProgress.percent(List.of(ATTENDED, GO_SHOW, ABSENT), true)).isEqualTo(66);
        assertThat(CourseProgress.percent(List.of(ATTENDED, GO_SHOW), true)).isEqualTo(100);
    }

    @Test
    void endedRegistrationsAreNoItems() {
        assertThat(CourseProgress.percent(List.of(CANCELLED, ATTENDED, DECLINED), true)).isEqualTo(100);
        assertThat(CourseProgress.percent(List.of(CANCELLED), true)).isZero();
        assertThat(CourseProgress.percent(List.of(), false)).isZero();
    }

    @Test
    void onAOneSessionCourseTheLatestSessionDecides() {
        assertThat(CourseProgress.percent(List.of(ABSENT, ATTENDED), false)).isEqualTo(100);
        assertThat(CourseProgress.percent(List.of(ATTENDED, REGISTERED), false)).isZero();
    }

    @Test
    void requiredItemsWeighTheSameAsSessions() {
        assertThat(CourseProgress.percent(List.of(ATTENDED, REGISTERED), true, 2, 1)).isEqualTo(50);
        assertThat(CourseProgress.percent(List.of(ATTENDED), true, 2, 2)).isEqualTo(100);
        assertThat(CourseProgress.percent(List.of(ATTENDED), true, 2, 1)).isEqualTo(66);
    }

    @Test
    void withoutASessionTheItemsAloneNeverComplete() {
        assertThat(CourseProgress.percent(List.of(), true, 1, 1)).isEqualTo(50);
        assertThat(CourseProgress.percent(List.of(CANCELLED), false, 3, 3)).isEqualTo(75);
    }
}
