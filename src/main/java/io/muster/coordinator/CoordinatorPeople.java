package io.muster.coordinator;

import java.util.List;

import io.muster.people.FoundPerson;
import io.muster.people.PeopleDirectory;
import io.muster.people.PeopleService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the people pages show, read in one transaction each. */
@Component
class CoordinatorPeople {

    static final int PAGE_SIZE = 25;

    private final PeopleDirectory directory;
    private final PeopleService people;

    CoordinatorPeople(PeopleDirectory directory, PeopleService people) {
        this.directory = directory;
        this.people = people;
    }

    /** One page of people by name; {@code hasNext} when there is at least one more. */
    public record Found(List<FoundPerson> people, int page, boolean hasNext) {
    }

    @Transactional(readOnly = true)
    Found search(String q, int page) {
        int wanted = Math.max(page, 0);
        List<FoundPerson> found = directory.search(q, wanted, PAGE_SIZE);
        // a "page" of one at the next page's first place: whether there is more, without counting everyone
        boolean more = found.size() == PAGE_SIZE && !directory.search(q, (wanted + 1) * PAGE_SIZE, 1).isEmpty();
        return new Found(found, wanted, more);
    }

    @Transactional(readOnly = true)
    PersonForm form(String username) {
        return PersonForm.of(people.get(username), people.groupsOf(username));
    }
}
