package io.muster.registration;

import java.time.Instant;

/**
 * A registration waiting for its approver: the Tasklist task, whose request for which session,
 * who may decide (a username or a group), who has claimed it, and since when it waits.
 */
public record OpenApproval(String taskId, Long registrationId, Long sessionId, String sessionTitle,
        Instant sessionStartsAt, String learnerName, String approver, String reason, String claimedBy,
        Instant since) {
}
