package io.muster.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PeopleDirectoryIT {

    @Autowired Api api;
    @Autowired PeopleDirectory directory;

    @Test
    void findsPeopleByAnyPartOfUsernameOrEmailInAnyCase() {
        String username = api.createPerson(Api.unique("walkin"), MusterGroups.LEARNERS, Map.of());

        assertThat(directory.search(username.toUpperCase(), 0, 10)).extracting(FoundPerson::username)
                .containsExactly(username);
        assertThat(directory.search(username + "@", 0, 10)).extracting(FoundPerson::username)
                .containsExactly(username);
    }

    @Test
    void takesPercentAndUnderscoreLiterallyAndPagesTheRest() {
        api.createPerson(Api.unique("plain"), MusterGroups.LEARNERS, Map.of());
        assertThat(directory.search("%", 0, 10)).allMatch(found -> (found.name() + found.username() + found.email()).contains("%"));
        assertThat(directory.search("_", 0, 10)).allMatch(found -> (found.name() + found.username() + found.email()).contains("_"));
        assertThat(directory.search("", 0, 2)).hasSize(2);
        assertThat(directory.search("", 0, 100_000)).hasSizeLessThanOrEqualTo(PeopleDirectory.MAX_RESULTS);
    }
}
