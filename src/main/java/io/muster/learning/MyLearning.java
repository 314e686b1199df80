package io.muster.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.muster.course.Course;
import io.muster.course.CourseKind;
import io.muster.course.CourseService;
import io.muster.courseitem.CourseItems;
import io.muster.enrolment.Enrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.pathway.PathwayService;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.progress.CourseActivity;
import io.muster.registration.RosterService;
import io.muster.session.SessionService;
import io.muster.training.TrainingRecord;
import io.muster.training.TrainingRecords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A learner's own learning: their courses (enrolled, or in one of the course's sessions) with
 * progress and the uploads and evaluations to hand in, their pathways and their training records.
 */
@Component
class MyLearning {

    private final PeopleService people;
    private final EnrolmentService enrolments;
    private final CourseService courses;
    private final CourseActivity activity;
    private final CourseItems items;
    private final RosterService roster;
    private final SessionService sessions;
    private final PathwayService pathways;
    private final TrainingRecords records;

    MyLearning(PeopleService people, EnrolmentService enrolments, CourseService courses, CourseActivity activity,
            CourseItems items, RosterService roster, SessionService sessions, PathwayService pathways,
            TrainingRecords records) {
        this.people = people;
        this.enrolments = enrolments;
        this.courses = courses;
        this.activity = activity;
        this.items = items;
        this.roster = roster;
        this.sessions = sessions;
        this.pathways = pathways;
        this.records = records;
    }

    public record CourseLine(Course course, Enrolment enrolment, CourseActivity.LearnerActivity activity,
            Map<Long, CourseItems.Item> items) {

        public boolean online() {
            return course.getKind() == CourseKind.ELEARNING;
        }

        public int progress() {
            return online() ? (enrolment == null ? 0 : enrolment.getProgress()) : activity.progress();
        }

        public CourseItems.Item item(long id) {
            return items.get(id);
        }
    }

    public record Record(String courseTitle, Instant completedAt, Instant expiresAt) {
    }

    public record Overview(List<CourseLine> courses, List<PathwayService.Progress> pathways, List<Record> records,
            Map<Long, String> courseTitles) {
    }

    @Transactional(readOnly = true)
    Overview of(String username) {
        // an account without a learner profile (an admin's, say) has no courses: an empty page, not a 404
        Person me = people.find(username).orElse(null);
        if (me == null) {
            return new Overview(List.of(), List.of(), List.of(), Map.of());
        }
        Map<Long, Enrolment> enrolled = enrolments.enrolmentsOf(me.getId()).stream()
                .filter(e -> !e.getStatus().isEnded())
                .collect(Collectors.toMap(Enrolment::getCourseId, Function.identity(), (a, b) -> a));
        Set<Long> courseIds = new LinkedHashSet<>(enrolled.keySet());
        roster.liveValuesOf(me.getId()).forEach(r -> courseIds.add(sessions.get(r.sessionId()).getCourse().getId()));
        List<CourseLine> lines = new ArrayList<>();
        for (Long courseId : courseIds) {
            Course course = courses.get(courseId);
            lines.add(new CourseLine(course, enrolled.get(courseId), activity.of(username, courseId),
                    items.of(courseId).stream().collect(Collectors.toMap(CourseItems.Item::id, Function.identity()))));
        }
        lines.sort(Comparator.comparing(l -> l.course().getTitle()));
        List<TrainingRecord> mine = records.of(me.getId());
        Map<Long, String> titles = courses.all().stream().collect(Collectors.toMap(Course::getId, Course::getTitle));
        List<Record> recordLines = mine.stream()
                .map(r -> new Record(titles.getOrDefault(r.getCourseId(), "?"), r.getCompletedAt(), r.getExpiresAt()))
                .sorted(Comparator.comparing(Record::completedAt).reversed()).toList();
        return new Overview(lines, pathways.progressOfAll(username), recordLines, titles);
    }
}
