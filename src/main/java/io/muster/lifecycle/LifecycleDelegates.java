package io.muster.lifecycle;

import static io.muster.lifecycle.SessionLifecycleProcess.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.Invitations;
import io.muster.registration.SessionRegistrations;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.security.CurrentUser;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** The service tasks of bpmn/session-lifecycle.bpmn, one small bean each. */
final class LifecycleDelegates {

    private LifecycleDelegates() {
    }

    /** The learners the attendance form lists: everyone still REGISTERED for the session. */
    static List<Person> registeredLearners(RosterService roster, PeopleService people, long sessionId) {
        return roster.rosterOf(sessionId).stream().filter(r -> r.getStatus() == RegistrationStatus.REGISTERED)
                .map(r -> people.get(r.getPersonId())).toList();
    }

    /**
     * service_invite_learners: every learner added while the session was a DRAFT is invited, each
     * through a registration process of their own (which sends the invitation and waits for the answer).
     */
    @Component("inviteLearners")
    static class InviteLearners implements JavaDelegate {

        private final Invitations registrations;

        InviteLearners(Invitations registrations) {
            this.registrations = registrations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String actor = CurrentUser.ofEngine(execution.getProcessEngineServices());
            registrations.inviteAll(SESSION_ID.get(execution), actor == null ? "system" : actor);
        }
    }

    /** service_start_session: SCHEDULED becomes IN_PROGRESS when the start time comes. */
    @Component("startSession")
    static class StartSession implements JavaDelegate {

        private final SessionService sessions;

        StartSession(SessionService sessions) {
            this.sessions = sessions;
        }

        @Override
        public void execute(DelegateExecution execution) {
            sessions.markInProgress(SESSION_ID.get(execution));
        }
    }

    /**
     * service_complete_session: COMPLETED at the end time; the trainer's attendance form gets the
     * registered learners as its choices.
     */
    @Component("completeSession")
    static class CompleteSession implements JavaDelegate {

        private final SessionService sessions;
        private final RosterService roster;
        private final PeopleService people;

        CompleteSession(SessionService sessions, RosterService roster, PeopleService people) {
            this.sessions = sessions;
            this.roster = roster;
            this.people = people;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long sessionId = SESSION_ID.get(execution);
            sessions.markCompleted(sessionId);
            SpinJsonNode options = Spin.JSON("[]");
            registeredLearners(roster, people, sessionId)
                    .forEach(p -> options.append(Spin.JSON("{}").prop("label", p.getName()).prop("value", p.getUsername())));
            ROSTER_OPTIONS.set(execution, SpinValues.jsonValue(options.toString()).create());
        }
    }

    /** service_reschedule: the timers, here and in every registration, wait for the new start and end. */
    @Component("rescheduleSession")
    static class RescheduleSession implements JavaDelegate {

        private final SessionService sessions;
        private final SessionRegistrations registrations;

        RescheduleSession(SessionService sessions, SessionRegistrations registrations) {
            this.sessions = sessions;
            this.registrations = registrations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            TrainingSession session = sessions.get(SESSION_ID.get(execution));
            SESSION_STARTS_AT.set(execution, Date.from(session.getStartsAt()));
            SESSION_ENDS_AT.set(execution, Date.from(session.getEndsAt()));
            registrations.rescheduled(session.getId());
        }
    }

    /**
     * service_record_attendance: the trainer's form, ticked learners attended, the others were
     * absent, walk-ins (usernames, comma separated) came without a registration.
     */
    @Component("recordAttendance")
    static class RecordAttendance implements JavaDelegate {

        private final AttendanceService attendance;
        private final RosterService roster;
        private final PeopleService people;

        RecordAttendance(AttendanceService attendance, RosterService roster, PeopleService people) {
            this.attendance = attendance;
            this.roster = roster;
            this.people = people;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long sessionId = SESSION_ID.get(execution);
            List<String> attended = usernames(ATTENDED.get(execution));
            List<AttendanceService.Line> lines = new ArrayList<>();
            registeredLearners(roster, people, sessionId).stream().map(Person::getUsername)
                    .forEach(u -> lines.add(new AttendanceService.Line(u,
                            attended.contains(u) ? RegistrationStatus.ATTENDED : RegistrationStatus.ABSENT)));
            Object walkIns = WALK_INS.get(execution);
            if (walkIns instanceof String text && !text.isBlank()) {
                for (String u : text.split("[,\\s]+")) {
                    if (!u.isBlank()) {
                        lines.add(new AttendanceService.Line(u.trim(), RegistrationStatus.GO_SHOW));
                    }
                }
            }
            String actor = CurrentUser.ofEngine(execution.getProcessEngineServices());
            attendance.record(sessionId, lines, actor == null ? "system" : actor, true);
        }

        /** The checklist's value: a JSON array from Tasklist, or a plain list. */
        private static List<String> usernames(Object value) {
            List<String> names = new ArrayList<>();
            if (value instanceof SpinJsonNode json) {
                json.elements().forEach(e -> names.add(e.stringValue()));
            } else if (value instanceof Collection<?> list) {
                list.forEach(e -> names.add(String.valueOf(e)));
            } else if (value instanceof String text && text.startsWith("[")) {
                Spin.JSON(text).elements().forEach(e -> names.add(e.stringValue()));
            }
            return names;
        }
    }
}
