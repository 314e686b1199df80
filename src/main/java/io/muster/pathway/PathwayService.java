package io.muster.pathway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.course.Course;
import io.muster.course.CourseKind;
import io.muster.course.CourseService;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentStatus;
import io.muster.people.PeopleService;
import io.muster.registration.RosterService;
import io.muster.session.SessionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning pathways. A learner's progress is read, not stored: from their enrolments for course
 * steps and from attendance for session steps, so attending a session counts at once for every
 * step (of every pathway) that names it.
 */
@Service
public class PathwayService {

    private final PathwayRepository pathways;
    private final CourseService courses;
    private final SessionService sessions;
    private final RosterService roster;
    private final EnrolmentService enrolments;
    private final PeopleService people;
    private final Clock clock;

    PathwayService(PathwayRepository pathways, CourseService courses, SessionService sessions, RosterService roster,
            EnrolmentService enrolments, PeopleService people, Clock clock) {
        this.pathways = pathways;
        this.courses = courses;
        this.sessions = sessions;
        this.roster = roster;
        this.enrolments = enrolments;
        this.people = people;
        this.clock = clock;
    }

    /** A step as asked for: a course, or sessions with a rule. */
    public record StepSpec(Long courseId, List<Long> sessionIds, PathwayStep.Rule rule) {
    }

    @Transactional
    public Pathway create(String title, List<StepSpec> specs, String actor) {
        return pathways.save(new Pathway(title, steps(specs), actor, clock.instant()));
    }

    /**
     * Replaces the title and the steps. Progress is read, never stored, so every learner's progress
     * follows the new steps at once.
     */
    @Transactional
    public Pathway update(long id, String title, List<StepSpec> specs) {
        Pathway pathway = get(id);
        List<PathwayStep> steps = steps(specs);
        // the old steps go first: the new ones take the same positions, which are unique per pathway
        pathway.replace(title, List.of());
        pathways.flush();
        pathway.replace(title, steps);
        return pathway;
    }

    @Transactional
    public void delete(long id) {
        pathways.delete(get(id));
    }

    private List<PathwayStep> steps(List<StepSpec> specs) {
        List<PathwayStep> steps = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            StepSpec spec = specs.get(i);
            String field = "steps[" + i + "]";
            boolean hasSessions = spec.sessionIds() != null && !spec.sessionIds().isEmpty();
            if ((spec.courseId() == null) == !hasSessions) {
                throw new InvalidInputException(field, "a step is either a courseId or sessionIds with a rule");
            }
            if (spec.courseId() != null) {
                steps.add(PathwayStep.course(i + 1, eLearning(spec.courseId(), field).getId()));
            } else {
                if (spec.rule() == null) {
                    throw new InvalidInputException(field + ".rule", "ALL or ANY");
                }
                for (Long sessionId : spec.sessionIds()) {
                    try {
                        sessions.get(sessionId);
                    } catch (NotFoundException e) {
                        throw new InvalidInputException(field + ".sessionIds", "session " + sessionId + " does not exist");
                    }
                }
                steps.add(PathwayStep.sessions(i + 1, Set.copyOf(spec.sessionIds()), spec.rule()));
            }
        }
        return steps;
    }

    private Course eLearning(long courseId, String field) {
        Course course;
        try {
            course = courses.get(courseId);
        } catch (NotFoundException e) {
            throw new InvalidInputException(field + ".courseId", "course " + courseId + " does not exist");
        }
        if (course.getKind() != CourseKind.ELEARNING) {
            throw new InvalidInputException(field + ".courseId", "a course step is an e-learning course;"
                    + " instructor-led training goes in a group of sessions");
        }
        return course;
    }

    @Transactional(readOnly = true)
    public Pathway get(long id) {
        return pathways.findById(id).orElseThrow(() -> new NotFoundException("Pathway", id));
    }

    /** Every pathway, in the order they were made. */
    @Transactional(readOnly = true)
    public List<Pathway> all() {
        return pathways.findAll(org.springframework.data.domain.Sort.by("id"));
    }

    /** One step's state for a learner. */
    public record StepProgress(int position, PathwayStep.Kind kind, Long courseId, Set<Long> sessionIds,
            PathwayStep.Rule rule, Set<Long> attendedSessionIds, int progress, boolean done) {
    }

    public record Progress(long pathwayId, String title, int progress, boolean completed, List<StepProgress> steps) {
    }

    /** Each step weighs the same in the overall progress; the pathway is complete when every step is done. */
    @Transactional(readOnly = true)
    public Progress progressOf(long pathwayId, String username) {
        Pathway pathway = get(pathwayId);
        long personId = people.get(username).getId();
        List<StepProgress> steps = pathway.getSteps().stream().map(step -> stepProgress(step, personId)).toList();
        int overall = steps.isEmpty() ? 0 : steps.stream().mapToInt(StepProgress::progress).sum() / steps.size();
        boolean completed = steps.stream().allMatch(StepProgress::done);
        return new Progress(pathway.getId(), pathway.getTitle(), completed ? 100 : overall, completed, steps);
    }

    /** The learner's progress on every pathway, in the order they were made. */
    @Transactional(readOnly = true)
    public List<Progress> progressOfAll(String username) {
        return all().stream().map(p -> progressOf(p.getId(), username)).toList();
    }

    private StepProgress stepProgress(PathwayStep step, long personId) {
        if (step.getKind() == PathwayStep.Kind.COURSE) {
            var enrolment = enrolments.find(personId, step.getCourseId()).filter(e -> !e.getStatus().isEnded());
            boolean done = enrolment.map(e -> e.getStatus() == EnrolmentStatus.COMPLETED).orElse(false);
            int progress = done ? 100 : enrolment.map(e -> e.getProgress()).orElse(0);
            return new StepProgress(step.getPosition(), step.getKind(), step.getCourseId(), null, null, null,
                    progress, done);
        }
        Set<Long> attended = roster.attended(personId, step.getSessionIds());
        boolean done = step.getRule() == PathwayStep.Rule.ANY ? !attended.isEmpty()
                : attended.size() == step.getSessionIds().size();
        int progress = done ? 100 : step.getRule() == PathwayStep.Rule.ANY ? 0
                : attended.size() * 100 / step.getSessionIds().size();
        return new StepProgress(step.getPosition(), step.getKind(), null, step.getSessionIds(), step.getRule(),
                attended, progress, done);
    }
}
