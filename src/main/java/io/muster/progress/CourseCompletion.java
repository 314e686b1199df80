package io.muster.progress;

import java.time.Instant;
import java.util.List;

import io.muster.common.ConflictException;
import io.muster.course.Course;
import io.muster.course.CourseService;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.enrolment.Enrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentStatus;
import io.muster.people.PeopleService;
import io.muster.roster.Registration;
import io.muster.roster.RosterService;
import io.muster.training.TrainingRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Course progress and completion from attendance: every time attendance is recorded, each
 * learner's progress is worked out again over all their sessions of the course and written to
 * their enrolment; once every enrolled session is attended the course is complete and the
 * training record is made. An admin may mark a course failed where the course allows failure.
 */
@Service
public class CourseCompletion {

    private final RosterService roster;
    private final CourseService courses;
    private final MultipleSessionEnrolment multipleSessions;
    private final EnrolmentService enrolments;
    private final TrainingRecords trainingRecords;
    private final PeopleService people;

    CourseCompletion(RosterService roster, CourseService courses, MultipleSessionEnrolment multipleSessions,
            EnrolmentService enrolments, TrainingRecords trainingRecords, PeopleService people) {
        this.roster = roster;
        this.courses = courses;
        this.multipleSessions = multipleSessions;
        this.enrolments = enrolments;
        this.trainingRecords = trainingRecords;
        this.people = people;
    }

    /** The learner's progress on the course now, from their registrations. */
    @Transactional(readOnly = true)
    public int progress(long personId, Course course) {
        List<Registration> registrations = roster.ofPersonInCourse(personId, course.getId());
        return CourseProgress.percent(registrations.stream().map(Registration::getStatus).toList(),
                multipleSessions.allowedFor(course));
    }

    /**
     * Attendance was recorded for one of the learner's sessions. The registration that completes
     * the course carries the training record.
     */
    @Transactional
    public void attendanceRecorded(long personId, long courseId, long registrationId, Instant at) {
        Course course = courses.get(courseId);
        int percent = progress(personId, course);
        if (percent == 100) {
            trainingRecords.completedBy(registrationId, personId, courseId, at, course.getValidityMonths());
        }
        enrolments.find(personId, courseId)
                .filter(e -> !e.getStatus().isEnded() && e.getStatus() != EnrolmentStatus.FAILED)
                .ifPresent(e -> enrolments.recordProgress(personId, courseId, percent));
    }

    /** An admin marks the learner's course failed; only where the course allows failure. */
    @Transactional
    public Enrolment fail(long courseId, String username) {
        Course course = courses.get(courseId);
        if (!course.isAllowFailure()) {
            throw new ConflictException("course " + course.getCode() + " does not allow failure");
        }
        return enrolments.fail(people.get(username).getId(), courseId);
    }
}
