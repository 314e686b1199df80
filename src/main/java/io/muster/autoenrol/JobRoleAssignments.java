package io.muster.autoenrol;

import java.time.Clock;

import io.muster.people.PeopleService;
import jakarta.persistence.EntityManager;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seed 003: with "auto-enrol missing training" on, assigning a job role with course
 * requirements enrols the person at once (in the transaction that changed the profile) into
 * the required courses that have auto-enrol on, by the same table as the nightly cycle.
 */
@Component
class JobRoleAssignments {

    private final AutoEnrolSettings settings;
    private final AutoEnrolCycle cycle;
    private final Clock clock;
    private final EntityManager entityManager;

    JobRoleAssignments(AutoEnrolSettings settings, AutoEnrolCycle cycle, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.cycle = cycle;
        this.clock = clock;
    }

    @EventListener
    void on(PeopleService.ProfileChanged event) {
        // the profile change is still in the persistence context; the set-based reads below must see it
        entityManager.flush();
        enrolMissing(event.personId());
    }

    void enrolMissing(long personId) {
        if (!settings.missingTraining()) {
            return;
        }
        for (AutoEnrolSettings.CourseSettings course : settings.requiredAutoEnrolCourses(personId)) {
            cycle.enrolCourse(null, course, clock.instant(), new AutoEnrolCycle.Scope(personId, null));
        }
    }

    /** A job role's requirements changed: its holders are enrolled into the required courses. */
    void enrolMissing(String jobRole) {
        if (!settings.missingTraining()) {
            return;
        }
        for (Long courseId : settings.requirements(jobRole)) {
            AutoEnrolSettings.CourseSettings course = settings.course(courseId);
            if (course.enabled()) {
                cycle.enrolCourse(null, course, clock.instant(), new AutoEnrolCycle.Scope(null, jobRole));
            }
        }
    }
}
