package io.muster.coordinator;

import java.time.Instant;
import java.util.List;

import io.muster.course.CourseService;
import io.muster.enrolmentkey.EnrolmentKey;
import io.muster.enrolmentkey.EnrolmentKeyService;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the enrolment key pages show, read in one transaction each. */
@Component
class CoordinatorKeys {

    private final EnrolmentKeyService keys;
    private final CourseService courses;
    private final SessionService sessions;

    CoordinatorKeys(EnrolmentKeyService keys, CourseService courses, SessionService sessions) {
        this.keys = keys;
        this.courses = courses;
        this.sessions = sessions;
    }

    public record KeyLine(String code, String courseTitle, List<SessionSummary> sessions, int maxUses, int usesLeft,
            Instant expiresAt) {
    }

    @Transactional(readOnly = true)
    List<KeyLine> all() {
        return keys.all().stream().map(this::line).toList();
    }

    @Transactional(readOnly = true)
    KeyLine get(String code) {
        return line(keys.get(code));
    }

    /** The course's sessions a key may be made for: not yet started, draft or scheduled (the service decides). */
    @Transactional(readOnly = true)
    List<SessionSummary> sessionsOf(long courseId, Instant now) {
        return sessions.search(null, null, null).stream()
                .filter(s -> s.getCourse().getId() == courseId && s.getStartsAt().isAfter(now)
                        && (s.getStatus() == SessionStatus.DRAFT || s.getStatus() == SessionStatus.SCHEDULED))
                .map(SessionSummary::of).toList();
    }

    private KeyLine line(EnrolmentKey key) {
        return new KeyLine(key.getCode(), courses.get(key.getCourseId()).getTitle(),
                key.getSessionIds().stream().map(id -> SessionSummary.of(sessions.get(id))).toList(), key.getMaxUses(),
                key.getUsesLeft(), key.getExpiresAt());
    }
}
