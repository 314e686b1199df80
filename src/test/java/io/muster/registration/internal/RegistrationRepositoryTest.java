package io.muster.registration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.muster.registration.RegistrationStatus;

import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Query;

/** Queries that spell statuses out must stay in step with the statuses they stand for. */
class RegistrationRepositoryTest {

    @Test
    void theLiveValuesQueryLeavesOutExactlyTheEndedStatuses() throws Exception {
        assertThat(statusesNamedIn(RegistrationRepository.class.getMethod("findLiveValues", Long.class)))
                .isEqualTo(RegistrationStatus.ENDED);
    }

    @Test
    void theLiveRegistrationQueryLeavesOutExactlyTheEndedStatuses() throws Exception {
        assertThat(statusesNamedIn(RegistrationRepository.class.getMethod("findLive", Long.class, Long.class)))
                .isEqualTo(RegistrationStatus.ENDED);
    }

    private static Set<RegistrationStatus> statusesNamedIn(Method method) {
        String query = method.getAnnotation(Query.class).value();
        return Arrays.stream(RegistrationStatus.values())
                .filter(s -> query.contains("RegistrationStatus." + s.name() + ",")
                        || query.contains("RegistrationStatus." + s.name() + ")"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RegistrationStatus.class)));
    }
}
