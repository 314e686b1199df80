package io.muster.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.muster.course.Course;
import io.muster.course.CourseService;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.enrolment.Enrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.roster.Registration;
import io.muster.roster.RegistrationStatus;
import io.muster.roster.RosterService;
import io.muster.session.SessionService;
import io.muster.session.TrainingSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The course activity report: every learner, each session they are in with its status, and progress. */
@RestController
class CourseActivityController {

    private final CourseService courses;
    private final SessionService sessions;
    private final RosterService roster;
    private final PeopleService people;
    private final EnrolmentService enrolments;
    private final MultipleSessionEnrolment multipleSessions;
    private final CourseCompletion completion;

    CourseActivityController(CourseService courses, SessionService sessions, RosterService roster,
            PeopleService people, EnrolmentService enrolments, MultipleSessionEnrolment multipleSessions,
            CourseCompletion completion) {
        this.courses = courses;
        this.sessions = sessions;
        this.roster = roster;
        this.people = people;
        this.enrolments = enrolments;
        this.multipleSessions = multipleSessions;
        this.completion = completion;
    }

    record SessionLine(long sessionId, String title, Instant startsAt, long registrationId,
            RegistrationStatus status) {
    }

    record LearnerActivity(String username, String name, String enrolmentStatus, int progress,
            List<SessionLine> sessions) {
    }

    record EnrolmentView(String username, long courseId, String status, int progress) {
    }

    /** Ended registrations (cancelled, declined) are left out: a learner is listed with the sessions they are in. */
    @GetMapping("/api/courses/{courseId}/activity")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Transactional(readOnly = true)
    List<LearnerActivity> activity(@PathVariable long courseId) {
        Course course = courses.get(courseId);
        boolean several = multipleSessions.allowedFor(course);
        Map<Long, List<Registration>> byPerson = new LinkedHashMap<>();
        roster.ofCourse(courseId).forEach(r -> byPerson.computeIfAbsent(r.getPersonId(), k -> new ArrayList<>()).add(r));
        Map<Long, TrainingSession> sessionCache = new java.util.HashMap<>();
        List<LearnerActivity> report = new ArrayList<>();
        byPerson.forEach((personId, registrations) -> {
            List<SessionLine> lines = registrations.stream().filter(r -> r.getStatus().isLive()).map(r -> {
                TrainingSession s = sessionCache.computeIfAbsent(r.getSessionId(), sessions::get);
                return new SessionLine(s.getId(), s.getTitle(), s.getStartsAt(), r.getId(), r.getStatus());
            }).toList();
            if (lines.isEmpty()) {
                return;
            }
            Person person = people.get(personId);
            String status = enrolments.find(personId, courseId).map(e -> e.getStatus().name()).orElse(null);
            int progress = CourseProgress.percent(registrations.stream().map(Registration::getStatus).toList(), several);
            report.add(new LearnerActivity(person.getUsername(), person.getName(), status, progress, lines));
        });
        report.sort(java.util.Comparator.comparing(LearnerActivity::username));
        return report;
    }

    /** Marks the learner's course failed, where the course allows failure. */
    @PostMapping("/api/courses/{courseId}/enrolments/{username}/fail")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENROLMENT_MANAGER')")
    @Transactional
    EnrolmentView fail(@PathVariable long courseId, @PathVariable String username) {
        Enrolment failed = completion.fail(courseId, username);
        return new EnrolmentView(username, courseId, failed.getStatus().name(), failed.getProgress());
    }
}
