package io.muster.registration;

import java.util.Date;

import io.muster.common.ConflictException;
import io.muster.course.Course;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.people.Person;
import io.muster.registration.internal.RegistrationFacade;
import io.muster.session.TrainingSession;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * How every booking path creates a registration: one open registration per person and session,
 * one per course unless the course allows several, and the registration process started in the
 * caller's transaction (eligibility, then the seat, the waiting list or the approver's task).
 */
@Component
class Registrar {

    private final RosterService roster;
    private final RegistrationFacade registrationProcess;
    private final MultipleSessionEnrolment multipleSessions;

    Registrar(RosterService roster, RegistrationFacade registrationProcess, MultipleSessionEnrolment multipleSessions) {
        this.roster = roster;
        this.registrationProcess = registrationProcess;
        this.multipleSessions = multipleSessions;
    }

    /**
     * Registers one person into one session through the registration process, started in this
     * transaction: eligibility (registration-eligibility), then the seat, the waiting list or the
     * approver's task. A refusal rolls the caller back, process and all.
     */
    Registration register(TrainingSession session, Person person, RegistrationMethod method, String actor) {
        return register(session, person, method, actor, false);
    }

    Registration register(TrainingSession session, Person person, RegistrationMethod method, String actor,
            boolean waitingList) {
        roster.findLive(session.getId(), person.getId()).ifPresent(existing -> {
            throw new ConflictException("Already registered for session " + session.getId() + " (registration "
                    + existing.getId() + ")");
        });
        try {
            return roster.get(registrationProcess.book(session.getId(), person.getId(), method, actor, waitingList,
                    Date.from(session.getStartsAt()), Date.from(session.getEndsAt())));
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    /** One open registration per course, unless the portal and the course allow several. */
    void refuseSecondSessionOfCourse(Person person, TrainingSession session) {
        Course course = session.getCourse();
        if (multipleSessions.allowedFor(course)) {
            return;
        }
        roster.openSessionsInCourse(person.getId(), course.getId()).stream()
                .filter(other -> !other.equals(session.getId())).findFirst().ifPresent(other -> {
                    throw new ConflictException(person.getUsername() + " is already registered in session " + other
                            + " of course " + course.getCode() + ", which allows one session per learner"
                            + " (an admin may swap it)");
                });
    }

    /** Errors a booking's process raised, as the API answers them. */
    static RuntimeException translated(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConflictException conflict) {
                return conflict;
            }
            if (t instanceof DataIntegrityViolationException
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return new ConflictException("Already registered for this session");
            }
        }
        return e;
    }
}
