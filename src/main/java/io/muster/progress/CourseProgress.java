package io.muster.progress;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.muster.registration.RegistrationStatus;

/**
 * A learner's progress on an instructor-led course (seed 000): the items are the sessions they are
 * enrolled in plus the course's required uploads and evaluations, each weighted evenly. An attended
 * session (ATTENDED, GO_SHOW) and a submitted item are done; complete means every item done. A
 * learner not yet in any session still has one session to attend, so handing in the uploads alone
 * never completes the course. On a one-session course only the latest registration counts, so an
 * earlier absence does not hold back a later attendance.
 */
public final class CourseProgress {

    private static final Set<RegistrationStatus> DONE = EnumSet.of(RegistrationStatus.ATTENDED,
            RegistrationStatus.GO_SHOW);

    private CourseProgress() {
    }

    /**
     * @param statuses       the learner's registrations in the course, oldest session first
     * @param severalAllowed whether the learner may hold several sessions of the course
     * @return percent done, 0 to 100 (100 only when every item is done)
     */
    public static int percent(List<RegistrationStatus> statuses, boolean severalAllowed) {
        return percent(statuses, severalAllowed, 0, 0);
    }

    /**
     * @param requiredItems the course's required uploads and evaluations
     * @param itemsDone     how many of them the learner has submitted
     */
    public static int percent(List<RegistrationStatus> statuses, boolean severalAllowed, int requiredItems,
            int itemsDone) {
        List<RegistrationStatus> sessions = statuses.stream().filter(RegistrationStatus::isLive).toList();
        if (!severalAllowed && sessions.size() > 1) {
            sessions = sessions.subList(sessions.size() - 1, sessions.size());
        }
        long done = sessions.stream().filter(DONE::contains).count() + itemsDone;
        long all = Math.max(1, sessions.size()) + requiredItems;
        return (int) (done * 100 / all);
    }
}
