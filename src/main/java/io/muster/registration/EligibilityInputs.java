package io.muster.registration;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.muster.course.CourseService;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentService.LiveEnrolment;
import io.muster.people.PersonForRules;
import io.muster.rules.Decisions;
import io.muster.session.UpcomingSessions.Upcoming;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a booking is put to registration-eligibility: one mapping, used by the registration
 * process for one booking and by a preview for everyone × every upcoming session at once.
 */
@Component
public class EligibilityInputs {

    private final CourseService courses;
    private final EnrolmentService enrolments;

    EligibilityInputs(CourseService courses, EnrolmentService enrolments) {
        this.courses = courses;
        this.enrolments = enrolments;
    }

    /**
     * The table's inputs for a booking. Assigned: the person's enrolment on the course has not
     * ended, so a smart- or auto-enrolled learner books its sessions.
     */
    public static Decisions.EligibilityInput of(RegistrationMethod method, String enrolmentMethod,
            boolean approvalRequired, boolean assigned, String managerUsername, String employmentType) {
        return new Decisions.EligibilityInput(method.name(), enrolmentMethod, assigned, approvalRequired,
                managerUsername, employmentType);
    }

    /** What the table reads of upcoming sessions' courses and of people's enrolments on them, read once. */
    public final class Bulk {

        private final Map<Long, String> enrolmentMethods;
        private final Set<LiveEnrolment> live;

        private Bulk(Map<Long, String> enrolmentMethods, Set<LiveEnrolment> live) {
            this.enrolmentMethods = enrolmentMethods;
            this.live = live;
        }

        public boolean assigned(PersonForRules person, Upcoming session) {
            return live.contains(new LiveEnrolment(person.id(), session.courseId()));
        }

        /** The person booking the session themselves, as the learner's Book button does. */
        public Decisions.EligibilityInput selfBooking(PersonForRules person, Upcoming session, boolean assigned) {
            return of(RegistrationMethod.SELF, enrolmentMethods.get(session.courseId()), session.approvalRequired(),
                    assigned, person.managerUsername(), person.employmentType().name());
        }
    }

    @Transactional(readOnly = true)
    public Bulk forSessions(Collection<Upcoming> sessions) {
        Set<Long> courseIds = sessions.stream().map(Upcoming::courseId).collect(Collectors.toSet());
        Map<Long, String> methods = courses.all().stream().filter(c -> courseIds.contains(c.getId()))
                .collect(Collectors.toMap(c -> c.getId(), c -> c.getEnrolmentMethod().name()));
        return new Bulk(methods, enrolments.liveOn(courseIds));
    }
}
