package io.muster.registration;

import java.util.List;

import io.muster.notification.MailedRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers mail's questions about registrations (see {@link MailedRegistrations}). */
@Component
class RegistrationsForMail implements MailedRegistrations {

    private final RosterService roster;

    RegistrationsForMail(RosterService roster) {
        this.roster = roster;
    }

    @Override
    @Transactional(readOnly = true)
    public Facts get(long registrationId) {
        return facts(roster.get(registrationId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Facts> rosterOf(long sessionId) {
        return roster.rosterOf(sessionId).stream().map(RegistrationsForMail::facts).toList();
    }

    private static Facts facts(Registration registration) {
        List<StatusChange> history = registration.getHistory();
        return new Facts(registration.getId(), registration.getSessionId(), registration.getPersonId(),
                registration.getStatus() == RegistrationStatus.REGISTERED,
                registration.getStatus() == RegistrationStatus.INVITED, registration.getOfferExpiresAt(),
                history.isEmpty() ? "" : history.get(history.size() - 1).getReason());
    }
}
