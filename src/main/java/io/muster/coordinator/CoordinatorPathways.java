package io.muster.coordinator;

import java.util.List;

import io.muster.course.CourseService;
import io.muster.pathway.Pathway;
import io.muster.pathway.PathwayService;
import io.muster.pathway.PathwayStep;
import io.muster.session.SessionService;
import io.muster.session.SessionStatus;
import io.muster.session.SessionSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the pathway pages show, read in one transaction each. */
@Component
class CoordinatorPathways {

    private final PathwayService pathways;
    private final CourseService courses;
    private final SessionService sessions;

    CoordinatorPathways(PathwayService pathways, CourseService courses, SessionService sessions) {
        this.pathways = pathways;
        this.courses = courses;
        this.sessions = sessions;
    }

    /** A step: a course ({@code course} set) or sessions of which all or any one must be attended. */
    public record StepLine(int position, String course, List<SessionSummary> sessions, PathwayStep.Rule rule) {
    }

    public record PathwayLine(long id, String title, List<StepLine> steps) {
    }

    @Transactional(readOnly = true)
    List<PathwayLine> all() {
        return pathways.all().stream().map(this::line).toList();
    }

    @Transactional(readOnly = true)
    PathwayLine get(long id) {
        return line(pathways.get(id));
    }

    @Transactional(readOnly = true)
    PathwayForm form(long id) {
        return PathwayForm.of(pathways.get(id));
    }

    /** The sessions a step may name: all but cancelled ones. */
    @Transactional(readOnly = true)
    List<SessionSummary> sessions() {
        return sessions.search(null, null, null).stream().filter(s -> s.getStatus() != SessionStatus.CANCELLED)
                .map(SessionSummary::of).toList();
    }

    private PathwayLine line(Pathway p) {
        return new PathwayLine(p.getId(), p.getTitle(), p.getSteps().stream().map(this::step).toList());
    }

    private StepLine step(PathwayStep s) {
        if (s.getKind() == PathwayStep.Kind.COURSE) {
            var course = courses.get(s.getCourseId());
            return new StepLine(s.getPosition(), course.getCode() + " - " + course.getTitle(), List.of(), null);
        }
        return new StepLine(s.getPosition(), null,
                s.getSessionIds().stream().map(id -> SessionSummary.of(sessions.get(id))).toList(), s.getRule());
    }
}
