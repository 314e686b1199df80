package io.muster.progress;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.muster.roster.RegistrationStatus;

/**
 * A learner's progress on an instructor-led course: the sessions they are enrolled in are the
 * items, each weighted evenly, and an attended one (ATTENDED, GO_SHOW) is done. Complete means
 * every enrolled session attended. On a one-session course only the latest registration counts,
 * so an earlier absence does not hold back a later attendance.
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
        List<RegistrationStatus> items = statuses.stream().filter(RegistrationStatus::isLive).toList();
        if (!severalAllowed && items.size() > 1) {
            items = items.subList(items.size() - 1, items.size());
        }
        if (items.isEmpty()) {
            return 0;
        }
        long done = items.stream().filter(DONE::contains).count();
        return (int) (done * 100 / items.size());
    }
}
