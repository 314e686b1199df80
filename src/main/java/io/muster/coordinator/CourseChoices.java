package io.muster.coordinator;

import java.util.List;

import io.muster.course.Course;
import io.muster.course.CourseKind;
import io.muster.course.CourseService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Courses as the coordinator's forms offer them to choose from. */
@Component
class CourseChoices {

    private final CourseService courses;

    CourseChoices(CourseService courses) {
        this.courses = courses;
    }

    public record CourseChoice(long id, String code, String title) {
    }

    @Transactional(readOnly = true)
    List<CourseChoice> all() {
        return courses.all().stream().map(CourseChoices::choice).toList();
    }

    @Transactional(readOnly = true)
    List<CourseChoice> ofKind(CourseKind kind) {
        return courses.all().stream().filter(c -> c.getKind() == kind).map(CourseChoices::choice).toList();
    }

    @Transactional(readOnly = true)
    CourseChoice get(long id) {
        return choice(courses.get(id));
    }

    private static CourseChoice choice(Course c) {
        return new CourseChoice(c.getId(), c.getCode(), c.getTitle());
    }
}
