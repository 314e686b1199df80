package io.muster.people;

import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people by part of their name, username or email: the pickers that add learners to a
 * roster, a trainer's walk-in and the people list all search the same way.
 */
@Service
public class PeopleDirectory {

    public static final int MAX_RESULTS = 200;

    private final PersonRepository people;

    PeopleDirectory(PersonRepository people) {
        this.people = people;
    }

    /** Everyone whose name, username or email contains the text (any case), by name; blank finds all. */
    @Transactional(readOnly = true)
    public List<FoundPerson> search(String text, int page, int size) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return people.search(pattern, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_RESULTS)));
    }

    /** Everyone, by username, as the decision tables see them: what a preview of a changed table is run on. */
    @Transactional(readOnly = true)
    public List<PersonForRules> everyoneForRules() {
        return people.everyoneForRules();
    }
}
