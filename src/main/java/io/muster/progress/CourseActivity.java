package io.muster.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.course.Course;
import io.muster.course.CourseService;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.courseitem.CourseItemKind;
import io.muster.courseitem.CourseItems;
import io.muster.enrolment.Enrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.Registration;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.stereotype.Service;

/**
 * The course activity report: every learner on the course (enrolled, or in one of its sessions),
 * each session they are in with its status, the course's uploads and evaluations, and progress.
 * The API's report and a learner's own learning page read it alike.
 */
@Service
public class CourseActivity {

    private final CourseService courses;
    private final SessionService sessions;
    private final RosterService roster;
    private final PeopleService people;
    private final EnrolmentService enrolments;
    private final MultipleSessionEnrolment multipleSessions;
    private final CourseItems items;

    CourseActivity(CourseService courses, SessionService sessions, RosterService roster, PeopleService people,
            EnrolmentService enrolments, MultipleSessionEnrolment multipleSessions, CourseItems items) {
        this.courses = courses;
        this.sessions = sessions;
        this.roster = roster;
        this.people = people;
        this.enrolments = enrolments;
        this.multipleSessions = multipleSessions;
        this.items = items;
    }

    public record SessionLine(long sessionId, String title, Instant startsAt, long registrationId,
            RegistrationStatus status) {
    }

    public record ItemLine(long itemId, CourseItemKind kind, String title, boolean required, boolean done,
            Instant submittedAt) {
    }

    public record LearnerActivity(String username, String name, String enrolmentStatus, int progress,
            List<SessionLine> sessions, List<ItemLine> items) {
    }

    /**
     * Ended registrations (cancelled, declined) are left out of a learner's sessions; a learner is
     * listed while their enrolment lasts (completed and failed included) or while they are in a session.
     */
    @Transactional(readOnly = true)
    public List<LearnerActivity> activity(long courseId) {
        Course course = courses.get(courseId);
        Map<Long, List<Registration>> byPerson = new LinkedHashMap<>();
        roster.ofCourse(courseId).forEach(r -> byPerson.computeIfAbsent(r.getPersonId(), k -> new ArrayList<>()).add(r));
        Map<Long, Enrolment> enrolled = new HashMap<>();
        enrolments.liveIn(courseId).forEach(e -> enrolled.put(e.getPersonId(), e));
        Set<Long> listed = new LinkedHashSet<>(enrolled.keySet());
        byPerson.forEach((personId, registrations) -> {
            if (registrations.stream().anyMatch(r -> r.getStatus().isLive())) {
                listed.add(personId);
            }
        });
        Report report = new Report(course);
        Map<Long, Map<Long, Instant>> submitted = items.submittedIn(courseId);
        List<LearnerActivity> lines = new ArrayList<>();
        for (Long personId : listed) {
            lines.add(report.of(people.get(personId), byPerson.getOrDefault(personId, List.of()),
                    enrolled.get(personId), submitted.getOrDefault(personId, Map.of())));
        }
        lines.sort(Comparator.comparing(LearnerActivity::username));
        return lines;
    }

    /** One learner's activity on the course. */
    @Transactional(readOnly = true)
    public LearnerActivity of(String username, long courseId) {
        Course course = courses.get(courseId);
        Person person = people.get(username);
        return new Report(course).of(person, roster.ofPersonInCourse(person.getId(), courseId),
                enrolments.find(person.getId(), courseId).orElse(null), items.submittedBy(person.getId(), courseId));
    }

    /** What one course's lines share: its items, the multiple-session switch, the sessions read so far. */
    private final class Report {

        private final boolean several;
        private final List<CourseItems.Item> courseItems;
        private final List<Long> required;
        private final Map<Long, TrainingSession> sessionCache = new HashMap<>();

        Report(Course course) {
            this.several = multipleSessions.allowedFor(course);
            this.courseItems = items.of(course.getId());
            this.required = courseItems.stream().filter(CourseItems.Item::required).map(CourseItems.Item::id).toList();
        }

        LearnerActivity of(Person person, List<Registration> registrations, Enrolment enrolment,
                Map<Long, Instant> submitted) {
            List<SessionLine> lines = registrations.stream().filter(r -> r.getStatus().isLive()).map(r -> {
                TrainingSession s = sessionCache.computeIfAbsent(r.getSessionId(), sessions::get);
                return new SessionLine(s.getId(), s.getTitle(), s.getStartsAt(), r.getId(), r.getStatus());
            }).toList();
            List<ItemLine> itemLines = courseItems.stream().map(i -> new ItemLine(i.id(), i.kind(), i.title(),
                    i.required(), submitted.containsKey(i.id()), submitted.get(i.id()))).toList();
            String status = enrolment == null ? null : enrolment.getStatus().name();
            int progress = CourseCompletion.percent(registrations, several, required, submitted);
            return new LearnerActivity(person.getUsername(), person.getName(), status, progress, lines, itemLines);
        }
    }
}
