package io.muster.registration;

import io.muster.registration.internal.RegistrationFacade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** The registrations waiting for approval, grouped per session, the soonest session first. */
@Service
public class Approvals {

    private final RegistrationFacade process;

    Approvals(RegistrationFacade process) {
        this.process = process;
    }

    /** One session's waiting approvals, the longest-waiting first. */
    public record PerSession(Long sessionId, String sessionTitle, Instant startsAt, List<OpenApproval> waiting) {
    }

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
}
