package io.muster.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import io.muster.common.InvalidInputException;
import io.muster.common.ProcessTransactions;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.internal.RegistrationFacade;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.TrainingSession;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Learners added to a session to be invited rather than booked: to a draft, or at once. */
@Service
public class Invitations {

    private final SessionService sessions;
    private final PeopleService people;
    private final RosterService roster;
    private final RegistrationFacade registrationProcess;
    private final ProcessTransactions transactions;
    private final Registrar registrar;
    private final RegistrationViews views;

    Invitations(SessionService sessions, PeopleService people, RosterService roster,
            RegistrationFacade registrationProcess, ProcessTransactions transactions, Registrar registrar,
            RegistrationViews views) {
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
        this.registrationProcess = registrationProcess;
        this.transactions = transactions;
        this.registrar = registrar;
        this.views = views;
    }

    /**
     * An admin adds learners to a DRAFT session: NOT_INVITED, all or none. They are invited when
     * the session is published.
     */
    public List<RegistrationView> addInvitees(long sessionId, List<String> usernames, String actor) {
        return transactions.run(() -> {
            TrainingSession session = sessions.get(sessionId);
            List<Person> invitees = new java.util.ArrayList<>();
            for (int i = 0; i < usernames.size(); i++) {
                String username = usernames.get(i);
                String field = "usernames[" + i + "]";
                invitees.add(people.find(username).orElseThrow(() ->
                        new InvalidInputException(field, "unknown person '" + username + "'")));
            }
            invitees.stream().sorted(Comparator.comparing(Person::getId))
                    .forEach(person -> registrar.refuseSecondSessionOfCourse(person, session));
            return invitees.stream().map(Person::getId).distinct().map(personId ->
                    views.view(roster.get(roster.addUninvited(sessionId, personId, RegistrationMethod.ADMIN, actor))))
                    .toList();
        });
    }

    /**
     * Adds a person for an invitation rather than a booking, recorded with how it came about (e.g.
     * COPY): to a DRAFT session as NOT_INVITED (invited when it is published), to a session open for
     * booking INVITED at once, through their registration process (invitation mail, calendar entry).
     */
    public RegistrationView addForInvitation(long sessionId, String username, String actor,
            RegistrationMethod method) {
        return transactions.run(() -> {
            TrainingSession session = sessions.get(sessionId);
            Person person = people.get(username);
            long personId = person.getId();
            registrar.refuseSecondSessionOfCourse(person, session);
            if (session.getStatus() == SessionStatus.DRAFT) {
                return views.view(roster.get(roster.addUninvited(sessionId, personId, method, actor)));
            }
            long id = roster.addToInvite(sessionId, personId, method, actor);
            registrationProcess.invite(id, sessionId, personId, method, actor,
                    Date.from(session.getStartsAt()), Date.from(session.getEndsAt()));
            return views.view(roster.get(id));
        });
    }

    /** The session was published: each learner added while it was a draft gets their registration process. */
    @Transactional
    public int inviteAll(long sessionId, String actor) {
        TrainingSession session = sessions.get(sessionId);
        List<Registration> uninvited = roster.uninvitedOf(sessionId);
        uninvited.forEach(r -> registrationProcess.invite(r.getId(), sessionId, r.getPersonId(),
                r.getMethod(), actor,
                Date.from(session.getStartsAt()), Date.from(session.getEndsAt())));
        return uninvited.size();
    }
}
