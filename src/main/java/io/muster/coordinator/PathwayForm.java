package io.muster.coordinator;

import java.util.ArrayList;
import java.util.List;

import io.muster.pathway.Pathway;
import io.muster.pathway.PathwayRequest;
import io.muster.pathway.PathwayStep;

/**
 * A pathway's form as typed: the title and a row per step, each an e-learning course or sessions
 * with a rule. Empty rows at the end are spare rows, not steps; an empty row between steps is
 * sent as it is, so the service names it.
 */
public class PathwayForm {

    /** Spare rows offered below the steps, so a step is added without script. */
    static final int SPARE_ROWS = 2;

    private String title = "";
    private List<Step> steps = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    static PathwayForm of(Pathway pathway) {
        PathwayForm form = new PathwayForm();
        form.title = pathway.getTitle();
        for (PathwayStep s : pathway.getSteps()) {
            Step step = new Step();
            step.courseId = s.getCourseId() == null ? "" : s.getCourseId().toString();
            step.sessionIds = s.getKind() == PathwayStep.Kind.SESSIONS ? new ArrayList<>(s.getSessionIds())
                    : new ArrayList<>();
            step.rule = s.getRule() == null ? PathwayStep.Rule.ALL.name() : s.getRule().name();
            form.steps.add(step);
        }
        return form;
    }

    /** The same rows with the spare ones below them, for showing the form. */
    PathwayForm withSpareRows() {
        while (steps.size() > 0 && steps.get(steps.size() - 1).isEmpty()) {
            steps.remove(steps.size() - 1);
        }
        for (int i = 0; i < SPARE_ROWS; i++) {
            steps.add(new Step());
        }
        return this;
    }

    /** The API's request; {@link #unreadable()} names what could not be read into it. */
    PathwayRequest toRequest() {
        unreadable.clear();
        int last = steps.size();
        while (last > 0 && steps.get(last - 1).isEmpty()) {
            last--;
        }
        List<PathwayRequest.StepRequest> requested = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            requested.add(steps.get(i).toRequest(i, unreadable));
        }
        return new PathwayRequest(title == null ? null : title.strip(), requested);
    }

    List<String> unreadable() {
        return unreadable;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<Step> getSteps() {
        return steps;
    }

    public void setSteps(List<Step> steps) {
        this.steps = steps == null ? new ArrayList<>() : steps;
    }

    /** One row: a course chosen, or sessions chosen with whether all or any one of them counts. */
    public static class Step {

        private String courseId = "";
        private List<Long> sessionIds = new ArrayList<>();
        private String rule = PathwayStep.Rule.ALL.name();

        boolean isEmpty() {
            return (courseId == null || courseId.isBlank()) && sessionIds.isEmpty();
        }

        PathwayRequest.StepRequest toRequest(int index, List<String> unreadable) {
            Long course = null;
            if (courseId != null && !courseId.isBlank()) {
                try {
                    course = Long.valueOf(courseId.strip());
                } catch (NumberFormatException e) {
                    unreadable.add("steps[" + index + "]");
                }
            }
            PathwayStep.Rule chosen = sessionIds.isEmpty() ? null
                    : "ANY".equals(rule) ? PathwayStep.Rule.ANY : PathwayStep.Rule.ALL;
            return new PathwayRequest.StepRequest(course, sessionIds.isEmpty() ? null : sessionIds, chosen);
        }

        public String getCourseId() {
            return courseId;
        }

        public void setCourseId(String courseId) {
            this.courseId = courseId;
        }

        public List<Long> getSessionIds() {
            return sessionIds;
        }

        public void setSessionIds(List<Long> sessionIds) {
            this.sessionIds = sessionIds == null ? new ArrayList<>() : sessionIds;
        }

        public String getRule() {
            return rule;
        }

        public void setRule(String rule) {
            this.rule = rule;
        }
    }
}
