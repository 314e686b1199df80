package io.muster.progress;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.muster.common.ConflictException;
import io.muster.course.Course;
import io.muster.course.CourseService;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.courseitem.CourseItemSubmitted;
import io.muster.courseitem.CourseItemsChanged;
import io.muster.courseitem.CourseItems;
import io.muster.enrolment.Enrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentStatus;
import io.muster.people.PeopleService;
import io.muster.registration.Registration;
import io.muster.registration.RegistrationStatus;
import io.muster.registration.RosterService;
import io.muster.training.TrainingRecords;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Course progress and completion from attendance and handed-in course items: every time
 * attendance is recorded or a learner submits an upload or evaluation, their progress is worked out
 * again over all their sessions and the course's required items and written to their enrolment;
 * once every item is done the course is complete and the training record is made. An admin may
 * mark a course failed where the course allows failure.
 */
@Service
public class CourseCompletion {

    private final RosterService roster;
    private final CourseService courses;
    private final MultipleSessionEnrolment multipleSessions;
    private final EnrolmentService enrolments;
    private final TrainingRecords trainingRecords;
    private final PeopleService people;
    private final CourseItems items;

    CourseCompletion(RosterService roster, CourseService courses, MultipleSessionEnrolment multipleSessions,
            EnrolmentService enrolments, TrainingRecords trainingRecords, PeopleService people, CourseItems items) {
        this.roster = roster;
        this.courses = courses;
        this.multipleSessions = multipleSessions;
        this.enrolments = enrolments;
        this.trainingRecords = trainingRecords;
        this.people = people;
        this.items = items;
    }

    /** The learner's progress on the course now, from their registrations and submitted items. */
    @Transactional(readOnly = true)
    public int progress(long personId, Course course) {
        List<Registration> registrations = roster.ofPersonInCourse(personId, course.getId());
        return percent(registrations, multipleSessions.allowedFor(course), requiredItems(course.getId()),
                items.submittedBy(personId, course.getId()));
    }

    /** Progress from data read already (the activity view reads a whole course at once). */
    static int percent(List<Registration> registrations, boolean severalAllowed, List<Long> requiredItemIds,
            Map<Long, Instant> submitted) {
        int done = (int) requiredItemIds.stream().filter(submitted::containsKey).count();
        return CourseProgress.percent(registrations.stream().map(Registration::getStatus).toList(), severalAllowed,
                requiredItemIds.size(), done);
    }

    List<Long> requiredItems(long courseId) {
        return items.of(courseId).stream().filter(CourseItems.Item::required).map(CourseItems.Item::id).toList();
    }

    /**
     * Attendance was recorded for one of the learner's sessions. The registration that completes
     * the course carries the training record.
     */
    @Transactional
    public void attendanceRecorded(long personId, long courseId, long registrationId, Instant at) {
        recompute(personId, courses.get(courseId), registrationId, at);
    }

    /**
     * A required upload or evaluation handed in last completes the course too; its record hangs on
     * the learner's latest attended registration, so recording attendance again adds no second one.
     */
    @EventListener
    @Transactional
    public void itemSubmitted(CourseItemSubmitted submitted) {
        Course course = courses.get(submitted.courseId());
        recompute(submitted.personId(), course, lastAttended(submitted.personId(), course.getId()), submitted.at());
    }

    /**
     * A required item added or removed: the stored progress of everyone still working on the
     * course follows (removing the last missing item completes it). Completions already made stay.
     */
    @EventListener
    @Transactional
    public void itemsChanged(CourseItemsChanged changed) {
        Course course = courses.get(changed.courseId());
        for (Enrolment enrolment : enrolments.liveIn(course.getId())) {
            long personId = enrolment.getPersonId();
            if ((enrolment.getStatus() == EnrolmentStatus.ENROLLED || enrolment.getStatus() == EnrolmentStatus.IN_PROGRESS)
                    && progress(personId, course) != enrolment.getProgress()) {
                recompute(personId, course, lastAttended(personId, course.getId()), changed.at());
            }
        }
    }

    private Long lastAttended(long personId, long courseId) {
        return roster.ofPersonInCourse(personId, courseId).stream()
                .filter(r -> r.getStatus() == RegistrationStatus.ATTENDED || r.getStatus() == RegistrationStatus.GO_SHOW)
                .max(Comparator.comparing(Registration::getId)).map(Registration::getId).orElse(null);
    }

    private void recompute(long personId, Course course, Long completingRegistrationId, Instant at) {
        int percent = progress(personId, course);
        if (percent == 100 && completingRegistrationId != null) {
            trainingRecords.completedBy(completingRegistrationId, personId, course.getId(), at,
                    course.getValidityMonths());
        }
        enrolments.find(personId, course.getId())
                .filter(e -> !e.getStatus().isEnded() && e.getStatus() != EnrolmentStatus.FAILED)
                .ifPresent(e -> enrolments.recordProgress(personId, course.getId(), percent));
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
