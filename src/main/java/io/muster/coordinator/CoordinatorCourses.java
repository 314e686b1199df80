package io.muster.coordinator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.autoenrol.AutoEnrolCycleFacade;
import io.muster.autoenrol.AutoEnrolSettings;
import io.muster.common.NotFoundException;
import io.muster.course.Course;
import io.muster.course.CourseService;
import io.muster.course.CourseView;
import io.muster.course.MultipleSessionEnrolment;
import io.muster.courseitem.CourseItems;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the coordinator's course pages show, read in one transaction each. */
@Service
class CoordinatorCourses {

    private final CourseService courses;
    private final CourseItems items;
    private final AutoEnrolSettings autoEnrol;
    private final AutoEnrolCycleFacade cycle;
    private final MultipleSessionEnrolment multipleSessions;

    CoordinatorCourses(CourseService courses, CourseItems items, AutoEnrolSettings autoEnrol,
            AutoEnrolCycleFacade cycle, MultipleSessionEnrolment multipleSessions) {
        this.courses = courses;
        this.items = items;
        this.autoEnrol = autoEnrol;
        this.cycle = cycle;
        this.multipleSessions = multipleSessions;
    }

    /**
     * A course with its uploads and evaluations; for admins also its auto-enrol settings and the
     * last auto-enrol run (null for anyone else, as the API shows them to admins only).
     * {@code severalSessionsNow}: learners may hold several places now (the course allows it and
     * the portal's switch is on).
     */
    public record CoursePage(CourseView course, boolean severalSessionsNow, List<CourseItems.Item> items,
            AutoEnrolSettings.CourseSettings autoEnrol, LastRun lastRun) {
    }

    /** The last run over every course with auto-enrol on, with what it decided for this course. */
    public record LastRun(String state, Instant startedAt, Instant endedAt, String startedBy, Long considered,
            Long enrolled, List<Reason> reasons) {

        public boolean running() {
            return HistoricProcessInstance.STATE_ACTIVE.equals(state)
                    || HistoricProcessInstance.STATE_SUSPENDED.equals(state);
        }

        public long courseConsidered() {
            return reasons.stream().mapToLong(Reason::people).sum();
        }

        public long courseEnrolled() {
            return reasons.stream().filter(Reason::enrol).mapToLong(Reason::people).sum();
        }
    }

    /** How many people a run decided about for one reason, and whether they were enrolled. */
    public record Reason(String reason, boolean enrol, int people) {
    }

    @Transactional(readOnly = true)
    List<CourseView> search(String q) {
        return courses.search(q).stream().map(CourseView::of).toList();
    }

    @Transactional(readOnly = true)
    CourseView get(long id) {
        return CourseView.of(courses.get(id));
    }

    @Transactional(readOnly = true)
    CoursePage page(long id, boolean admin) {
        Course course = courses.get(id);
        boolean severalNow = multipleSessions.allowedFor(course);
        List<CourseItems.Item> list = items.of(id);
        if (!admin) {
            return new CoursePage(CourseView.of(course), severalNow, list, null, null);
        }
        return new CoursePage(CourseView.of(course), severalNow, list, autoEnrol.course(id),
                cycle.latest().map(run -> lastRun(run, id)).orElse(null));
    }

    /** One item of the course; an item of another course is not found here. */
    @Transactional(readOnly = true)
    CourseItems.Item item(long courseId, long itemId) {
        CourseItems.Item item = items.get(itemId);
        if (item.courseId() != courseId) {
            throw new NotFoundException("Course item", itemId);
        }
        return item;
    }

    private static LastRun lastRun(AutoEnrolCycleFacade.Run run, long courseId) {
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode count : run.counts()) {
            if (count.path("courseId").asLong() == courseId) {
                reasons.add(new Reason(count.path("reason").asText(), count.path("enrol").asBoolean(),
                        count.path("people").asInt()));
            }
        }
        return new LastRun(run.state(), instant(run.startedAt()), instant(run.endedAt()), run.startedBy(),
                run.considered(), run.enrolled(), List.copyOf(reasons));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
