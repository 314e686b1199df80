package io.muster.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.muster.common.ConflictException;
import io.muster.common.ProcessTransactions;
import io.muster.registration.internal.RegistrationFacade;
import org.springframework.stereotype.Service;

/** Approvals: the registrations waiting for one, and an approver's answer given outside Tasklist. */
@Service
public class Approvals {

    private final RegistrationFacade process;
    private final RosterService roster;
    private final ProcessTransactions transactions;
    private final RegistrationViews views;

    Approvals(RegistrationFacade process, RosterService roster, ProcessTransactions transactions,
            RegistrationViews views) {
        this.process = process;
        this.roster = roster;
        this.transactions = transactions;
        this.views = views;
    }

    /** One session's waiting approvals, the longest-waiting first. */
    public record PerSession(Long sessionId, String sessionTitle, Instant startsAt, List<OpenApproval> waiting) {
    }

    /** The open approvals grouped per session, the soonest session first. */
    public List<PerSession> open() {
        Map<Long, List<OpenApproval>> bySession = new LinkedHashMap<>();
        process.openApprovals().stream()
                .sorted(Comparator.comparing(OpenApproval::sessionStartsAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(OpenApproval::since))
                .forEach(a -> bySession.computeIfAbsent(a.sessionId(), id -> new ArrayList<>()).add(a));
        return bySession.values().stream().map(waiting -> {
            OpenApproval first = waiting.get(0);
            return new PerSession(first.sessionId(), first.sessionTitle(), first.sessionStartsAt(), waiting);
        }).toList();
    }

    /**
     * An approval decided outside Tasklist: the registration's approval task is completed as the
     * actor, so the process goes on exactly as after the approver's form (seat, waiting list or declined).
     */
    public RegistrationView decideApproval(long registrationId, boolean approved, String comment, String actor) {
        return transactions.run(() -> {
            roster.get(registrationId);
            if (!process.decideApproval(registrationId, approved, comment, actor)) {
                throw new ConflictException("There is no open approval for this registration");
            }
            return views.view(roster.get(registrationId));
        });
    }
}
