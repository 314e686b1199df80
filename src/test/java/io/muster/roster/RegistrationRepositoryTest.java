package io.muster.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Query;

/** Queries that spell statuses out must stay in step with the statuses they stand for. */
class RegistrationRepositoryTest {

    @Test
    void theLiveValuesQueryLeavesOutExactlyTheEndedStatuses() throws Exception {
        String query = RegistrationRepository.class.getMethod("findLiveValues", Long.class).getAnnotation(Query.class)
                .value();
        Set<RegistrationStatus> named = Arrays.stream(RegistrationStatus.values())
                .filter(s -> query.contains("RegistrationStatus." + s.name() + ",")
                        || query.contains("RegistrationStatus." + s.name() + ")"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RegistrationStatus.class)));
        assertThat(named).isEqualTo(RegistrationStatus.ENDED);
    }
}
