package io.muster.registration;

import io.muster.common.ConflictException;
import io.muster.common.ProcessTransactions;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.internal.RegistrationFacade;
import io.muster.registration.internal.WaitlistPromotionFacade;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learner's answer to an invitation or a seat offer, from a page, the API or their calendar:
 * it goes to the process that waits for it.
 */
@Service
public class Answers {

    private final PeopleService people;
    private final RosterService roster;
    private final RegistrationFacade registrationProcess;
    private final WaitlistPromotionFacade promotionProcess;
    private final ProcessTransactions transactions;
    private final RegistrationViews views;

    Answers(PeopleService people, RosterService roster, RegistrationFacade registrationProcess,
            WaitlistPromotionFacade promotionProcess, ProcessTransactions transactions, RegistrationViews views) {
        this.people = people;
        this.roster = roster;
        this.registrationProcess = registrationProcess;
        this.promotionProcess = promotionProcess;
        this.transactions = transactions;
        this.views = views;
    }

    /** Accepts an open seat offer, or an invitation (a seat, the waiting list, or 409 "Session full"). */
    public RegistrationView accept(long registrationId, String actor, boolean byAdmin) {
        return transactions.run(() -> views.view(answer(views.visible(registrationId, actor, byAdmin), true, actor)));
    }

    public RegistrationView decline(long registrationId, String actor, boolean byAdmin) {
        return transactions.run(() -> views.view(answer(views.visible(registrationId, actor, byAdmin), false, actor)));
    }

    /**
     * The answer goes to the process that waits for it: the waiting-list promotion for a seat
     * offer, the registration's own process for an invitation.
     */
    private Registration answer(Registration registration, boolean accepted, String actor) {
        long id = registration.getId();
        boolean taken;
        if (registration.hasOpenOffer()) {
            taken = accepted ? promotionProcess.accept(id, actor) : promotionProcess.decline(id, actor);
        } else {
            try {
                taken = registrationProcess.answerInvitation(id, accepted, actor);
            } catch (RuntimeException e) {
                throw Registrar.translated(e);
            }
        }
        if (!taken) {
            throw new ConflictException("There is no open seat offer or invitation for this registration");
        }
        return roster.get(id);
    }

    /**
     * A calendar reply from the learner's address: accepts or declines an open invitation or seat
     * offer. True when the registration now says what the reply says (a reply handled twice
     * changes nothing the second time); false, changing nothing, for a reply from someone else,
     * for a registration with nothing to answer, or (accepting) when no seat or queue place is
     * left. The session row stays locked meanwhile, so the check holds for the answer.
     */
    @Transactional
    public boolean answerFromCalendar(long registrationId, String attendeeEmail, boolean accepted) {
        Registration registration = roster.find(registrationId).orElse(null);
        if (registration == null) {
            return false;
        }
        Person learner = people.get(registration.getPersonId());
        if (!learner.getEmail().equalsIgnoreCase(attendeeEmail)) {
            return false;
        }
        if (registration.hasOpenOffer()) {
            return accepted ? promotionProcess.accept(registrationId, learner.getUsername())
                    : promotionProcess.decline(registrationId, learner.getUsername());
        }
        if (registration.getStatus() != RegistrationStatus.INVITED) {
            return registration.getStatus() == (accepted ? RegistrationStatus.REGISTERED : RegistrationStatus.DECLINED)
                    || (accepted && registration.getStatus() == RegistrationStatus.WAITING_LIST);
        }
        if (accepted && !roster.invitationAcceptable(registrationId)) {
            return false;
        }
        return registrationProcess.answerInvitation(registrationId, accepted, learner.getUsername());
    }
}
