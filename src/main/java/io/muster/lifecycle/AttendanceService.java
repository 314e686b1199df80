package io.muster.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.muster.common.ConflictException;
import io.muster.common.ForbiddenException;
import io.muster.common.InvalidInputException;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.SessionRegistrations;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import io.muster.progress.CourseCompletion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance, from the API or the trainer's Tasklist form: statuses on the roster, course
 * progress (a training record once every enrolled session is attended), and the end of the
 * registration processes.
 */
@Service
public class AttendanceService {

    private final SessionService sessions;
    private final PeopleService people;
    private final RosterService roster;
    private final SessionRegistrations registrations;
    private final CourseCompletion completion;
    private final SessionLifecycleFacade lifecycle;
    private final Clock clock;

    AttendanceService(SessionService sessions, PeopleService people, RosterService roster,
            SessionRegistrations registrations, CourseCompletion completion, SessionLifecycleFacade lifecycle,
            Clock clock) {
        this.sessions = sessions;
        this.people = people;
        this.roster = roster;
        this.registrations = registrations;
        this.completion = completion;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public record Line(String username, RegistrationStatus status) {
    }

    @Transactional
    public List<RosterService.Attendance> record(long sessionId, List<Line> lines, String actor, boolean admin) {
        TrainingSession session = sessions.get(sessionId);
        if (!admin && !session.isTrainedBy(actor)) {
            throw new ForbiddenException("Only the session's trainer and admins record attendance");
        }
        Instant now = clock.instant();
        if (session.getStatus() == SessionStatus.CANCELLED || session.getStatus() == SessionStatus.DRAFT) {
            throw new ConflictException("status", "a " + session.getStatus() + " session has no attendance");
        }
        if (session.getStartsAt().isAfter(now)) {
            throw new ConflictException("Attendance can be recorded once the session has started");
        }
        Map<Long, RegistrationStatus> registered = new LinkedHashMap<>();
        List<Long> walkIns = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String field = "[" + i + "].username";
            Person person = people.find(line.username())
                    .orElseThrow(() -> new InvalidInputException(field, "unknown person '" + line.username() + "'"));
            if (line.status() == RegistrationStatus.GO_SHOW) {
                walkIns.add(person.getId());
            } else {
                registered.put(person.getId(), line.status());
            }
        }
        List<RosterService.Attendance> recorded = roster.recordAttendance(sessionId, registered, walkIns, actor);
        Instant completedAt = session.getEndsAt().isBefore(now) ? session.getEndsAt() : now;
        for (RosterService.Attendance a : recorded) {
            completion.attendanceRecorded(a.personId(), session.getCourse().getId(), a.registrationId(), completedAt);
        }
        registrations.attended(recorded.stream().map(RosterService.Attendance::registrationId).toList());
        lifecycle.attendanceRecorded(sessionId);
        return recorded;
    }
}
