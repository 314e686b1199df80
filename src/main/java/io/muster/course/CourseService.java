package io.muster.course;

import java.util.List;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CourseService {

    private final CourseRepository courses;
    private final List<EnrolmentMethodGuard> methodGuards;

    CourseService(CourseRepository courses, List<EnrolmentMethodGuard> methodGuards) {
        this.courses = courses;
        this.methodGuards = methodGuards;
    }

    /** Creates the course as the request says; unset switches are off. */
    @Transactional
    public Course create(CourseRequest r) {
        return create(r.code(), r.title(), r.kind(), r.enrolmentMethod(), r.required(), r.validityMonths(),
                Boolean.TRUE.equals(r.allowMultipleSessions()), Boolean.TRUE.equals(r.allowFailure()), r.launchUrl());
    }

    @Transactional
    public Course update(Long id, CourseRequest r) {
        return update(id, r.code(), r.title(), r.kind(), r.enrolmentMethod(), r.required(), r.validityMonths(),
                Boolean.TRUE.equals(r.allowMultipleSessions()), Boolean.TRUE.equals(r.allowFailure()), r.launchUrl());
    }

    @Transactional
    public Course create(String code, String title, CourseKind kind, EnrolmentMethod enrolmentMethod, boolean required,
            Integer validityMonths, boolean allowMultipleSessions, boolean allowFailure, String launchUrl) {
        Course course = new Course(code);
        apply(course, code, title, kind, enrolmentMethod, required, validityMonths, allowMultipleSessions,
                allowFailure, launchUrl);
        return courses.save(course);
    }

    @Transactional
    public Course update(Long id, String code, String title, CourseKind kind, EnrolmentMethod enrolmentMethod,
            boolean required, Integer validityMonths, boolean allowMultipleSessions, boolean allowFailure,
            String launchUrl) {
        Course course = get(id);
        apply(course, code, title, kind, enrolmentMethod, required, validityMonths, allowMultipleSessions,
                allowFailure, launchUrl);
        return course;
    }

    @Transactional(readOnly = true)
    public Course get(Long id) {
        return courses.findById(id).orElseThrow(() -> new NotFoundException("Course", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return courses.existsById(id);
    }

    @Transactional(readOnly = true)
    public List<Course> all() {
        return courses.findAll(Sort.by("code"));
    }

    /** The courses whose title or code contains the text (any case), by title; blank finds all. */
    @Transactional(readOnly = true)
    public List<Course> search(String text) {
        String wanted = text == null ? "" : text.strip();
        Sort byTitle = Sort.by("title", "code");
        return wanted.isEmpty() ? courses.findAll(byTitle)
                : courses.findByTitleContainingIgnoreCaseOrCodeContainingIgnoreCase(wanted, wanted, byTitle);
    }

    private void apply(Course course, String code, String title, CourseKind kind, EnrolmentMethod enrolmentMethod,
            boolean required, Integer validityMonths, boolean allowMultipleSessions, boolean allowFailure,
            String launchUrl) {
        courses.findByCode(code).filter(other -> !other.getId().equals(course.getId())).ifPresent(other -> {
            throw new ConflictException("code", "a course with this code exists already");
        });
        if (kind == CourseKind.ELEARNING && (launchUrl == null || launchUrl.isBlank())) {
            throw new InvalidInputException("launchUrl", "an e-learning course needs a launch URL");
        }
        if (course.getId() != null && enrolmentMethod != course.getEnrolmentMethod()) {
            for (EnrolmentMethodGuard guard : methodGuards) {
                guard.refusal(course.getId(), enrolmentMethod).ifPresent(reason -> {
                    throw new ConflictException("enrolmentMethod", reason);
                });
            }
        }
        course.update(code, title, kind, enrolmentMethod, required, validityMonths, allowMultipleSessions,
                allowFailure, launchUrl);
    }
}
