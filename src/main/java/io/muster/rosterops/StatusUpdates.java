package io.muster.rosterops;

import static io.muster.registration.RegistrationStatus.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.common.ProcessTransactions;
import io.muster.lifecycle.AttendanceService;
import io.muster.people.PeopleService;
import io.muster.registration.Answers;
import io.muster.registration.Approvals;
import io.muster.registration.Bookings;
import io.muster.registration.Registration;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.session.SessionService;
import org.springframework.stereotype.Service;

/**
 * Status changes made by hand on selected roster lines. Only the learner-status table's transitions
 * are allowed, and each is made by the step the process itself uses (cancellation, attendance,
 * the approval task, the answer to a seat offer or invitation), so seats, waiting lists, training
 * records and history follow.
 * Each line stands alone: a refused line changes nothing and does not stop the others.
 */
@Service
public class StatusUpdates {

    /** What an admin or enrolment manager may change by hand. */
    private static final Map<RegistrationStatus, Set<RegistrationStatus>> MANUAL = Map.of(
            REGISTERED, EnumSet.of(CANCELLED, ATTENDED, ABSENT),
            NEEDS_APPROVAL, EnumSet.of(REGISTERED, APPROVAL_DECLINED),
            INVITED, EnumSet.of(REGISTERED, DECLINED));

    /** In the table too, but only the system makes them, so queue order and invitations stay right. */
    private static final Map<RegistrationStatus, String> AUTOMATIC = Map.of(
            NOT_INVITED, "Invitations go out when the session is published",
            WAITING_LIST, "A waiting-list place is offered automatically when a seat frees, first come, first served");

    private final SessionService sessions;
    private final PeopleService people;
    private final RosterService roster;
    private final Bookings bookings;
    private final Answers answers;
    private final Approvals approvals;
    private final AttendanceService attendance;
    private final ProcessTransactions transactions;

    StatusUpdates(SessionService sessions, PeopleService people, RosterService roster,
            Bookings bookings, Answers answers, Approvals approvals, AttendanceService attendance, ProcessTransactions transactions) {
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
        this.bookings = bookings;
        this.answers = answers;
        this.approvals = approvals;
        this.attendance = attendance;
        this.transactions = transactions;
    }

    public record Applied(long registrationId, String username, RegistrationStatus from, RegistrationStatus status) {
    }

    public record Refused(long registrationId, String username, RegistrationStatus status, String reason) {
    }

    public record Result(List<Applied> applied, List<Refused> refused) {
    }

    public Result update(long sessionId, Collection<Long> registrationIds, RegistrationStatus to, String reason,
            String actor) {
        sessions.get(sessionId);
        List<Applied> applied = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (long id : new LinkedHashSet<>(registrationIds)) {
            Registration registration = roster.find(id).filter(r -> r.getSessionId() == sessionId).orElse(null);
            if (registration == null) {
                refused.add(new Refused(id, null, null, "Not on this session's roster"));
                continue;
            }
            String username = people.get(registration.getPersonId()).getUsername();
            RegistrationStatus from = registration.getStatus();
            String refusal = refusal(from, to);
            if (refusal != null) {
                refused.add(new Refused(id, username, from, refusal));
                continue;
            }
            PerLine.attempt(() -> apply(sessionId, id, username, to, reason, actor),
                    status -> applied.add(new Applied(id, username, from, status)),
                    why -> refused.add(new Refused(id, username, from, why)));
        }
        return new Result(applied, refused);
    }

    /** The statuses a line can be changed to by hand, from one status or another. */
    public static Set<RegistrationStatus> manualTargets() {
        Set<RegistrationStatus> targets = EnumSet.noneOf(RegistrationStatus.class);
        MANUAL.values().forEach(targets::addAll);
        return targets;
    }

    /** Why the change is not allowed by hand, or null when it is. */
    static String refusal(RegistrationStatus from, RegistrationStatus to) {
        if (from == to) {
            return "Already " + to;
        }
        if (MANUAL.getOrDefault(from, Set.of()).contains(to)) {
            return null;
        }
        if (AUTOMATIC.containsKey(from) && to == INVITED) {
            return AUTOMATIC.get(from);
        }
        return "No transition from " + from + " to " + to;
    }

    /** The step that makes the change in the process; answers the status the registration ended in. */
    private RegistrationStatus apply(long sessionId, long registrationId, String username, RegistrationStatus to,
            String reason, String actor) {
        return switch (to) {
            case CANCELLED -> bookings.cancel(registrationId, actor, true, reason).status();
            case ATTENDED, ABSENT -> transactions.run(() -> {
                attendance.record(sessionId, List.of(new AttendanceService.Line(username, to)), actor, true);
                return roster.get(registrationId).getStatus();
            });
            case APPROVAL_DECLINED -> approvals.decideApproval(registrationId, false, reason, actor).status();
            case DECLINED -> answers.decline(registrationId, actor, true).status();
            case REGISTERED -> roster.get(registrationId).getStatus() == NEEDS_APPROVAL
                    ? approvals.decideApproval(registrationId, true, reason, actor).status()
                    : answers.accept(registrationId, actor, true).status();
            default -> throw new IllegalStateException("No manual step to " + to);
        };
    }
}
