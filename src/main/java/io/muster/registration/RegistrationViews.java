package io.muster.registration;

import java.util.List;

import io.muster.common.NotFoundException;
import io.muster.people.PeopleService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Registrations as the API and the pages show them; a learner sees only their own. */
@Component
class RegistrationViews {

    private final PeopleService people;
    private final RosterService roster;

    RegistrationViews(PeopleService people, RosterService roster) {
        this.people = people;
        this.roster = roster;
    }

    @Transactional(readOnly = true)
    RegistrationView view(long registrationId, String username, boolean byAdmin) {
        return view(visible(registrationId, username, byAdmin));
    }

    RegistrationView view(Registration registration) {
        return RegistrationView.of(registration, people.get(registration.getPersonId()).getUsername());
    }

    /** A learner sees only their own registrations; anyone else's look absent. */
    @Transactional(readOnly = true)
    Registration visible(long registrationId, String username, boolean byAdmin) {
        Registration registration = roster.find(registrationId)
                .orElseThrow(() -> new NotFoundException("Registration", registrationId));
        if (!byAdmin && !people.get(username).getId().equals(registration.getPersonId())) {
            throw new NotFoundException("Registration", registrationId);
        }
        return registration;
    }

    @Transactional(readOnly = true)
    List<RegistrationView> rosterOf(long sessionId) {
        return roster.rosterOf(sessionId).stream().map(this::view).toList();
    }

}
