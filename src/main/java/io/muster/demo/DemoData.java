package io.muster.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.muster.course.Course;
import io.muster.course.CourseKind;
import io.muster.course.CourseService;
import io.muster.course.EnrolmentMethod;
import io.muster.people.EmploymentType;
import io.muster.people.PeopleService;
import io.muster.security.MusterGroups;
import io.muster.session.Material;
import io.muster.session.SessionService;
import io.muster.session.SessionService.Details;
import io.muster.session.SessionType;
import io.muster.session.TrainingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo people, courses and sessions for the embedded default run mode, created once: a restart
 * finds them and adds nothing. Off in production (muster.demo-data=false).
 */
@Component
@ConditionalOnProperty(name = "muster.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final String MARKER_COURSE = "FIRE-101";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PeopleService people;
    private final CourseService courses;
    private final SessionService sessions;
    private final Clock clock;

    DemoData(PeopleService people, CourseService courses, SessionService sessions, Clock clock) {
        this.people = people;
        this.courses = courses;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (courses.all().stream().anyMatch(c -> c.getCode().equals(MARKER_COURSE))) {
            log.info("Demo data present");
            return;
        }
        person("approver", "Avery Approver", "HR", "HR Manager", "London", null, MusterGroups.APPROVERS);
        person("trainer", "Terry Trainer", "Learning", "Trainer", "London", null, MusterGroups.TRAINERS);
        person("analyst", "Ann Analyst", "Learning", "Analyst", "London", null, MusterGroups.ANALYSTS);
        person("enrolments", "Erin Enrolments", "Learning", "Enrolment Manager", "London", null,
                MusterGroups.ENROLMENT_MANAGERS);
        person("learner1", "Lena Learner", "Operations", "Technician", "London", "approver", MusterGroups.LEARNERS);
        person("learner2", "Leo Learner", "Operations", "Technician", "Leeds", "approver", MusterGroups.LEARNERS);
        person("learner3", "Lara Learner", "Sales", "Account Manager", "London", null, MusterGroups.LEARNERS);
        person("learner4", "Luis Learner", "Engineering", "Developer", "York", null, MusterGroups.LEARNERS);
        person("learner5", "Lily Learner", "Operations", "Supervisor", "Leeds", "approver", MusterGroups.LEARNERS);
        person("learner6", "Liam Learner", "HR", "Advisor", "London", "approver", MusterGroups.LEARNERS);

        Course fire = courses.create(MARKER_COURSE, "Fire Safety", CourseKind.ILT, EnrolmentMethod.SELF, true, 12,
                false, false, null);
        Course induction = courses.create("LEAD-201", "New Manager Induction", CourseKind.ILT, EnrolmentMethod.SELF,
                false, null, false, false, null);

        TrainingSession london = session(fire, "Fire Safety - London Office", 7, 120, SessionType.IN_PERSON,
                "Training Room 1, London Office", 10, false, Set.of(), Set.of(), Set.of(),
                List.of(new Material("Fire safety handbook", "https://example.org/fire-handbook.pdf")));
        TrainingSession online = session(fire, "Fire Safety - Online (2 seats)", 10, 60, SessionType.ONLINE,
                "https://meet.example.org/fire-safety", 2, false, Set.of(), Set.of(), Set.of(), List.of());
        TrainingSession managers = session(induction, "New Manager Induction - Q1", 14, 180, SessionType.IN_PERSON,
                "Boardroom, London Office", 8, true, Set.of("Operations", "Sales"), Set.of(), Set.of(), List.of());
        session(fire, "Fire Safety - Leeds (draft)", 21, 120, SessionType.IN_PERSON, "Leeds Office", 12, false,
                Set.of(), Set.of(), Set.of("Leeds"), List.of());
        for (TrainingSession s : List.of(london, online, managers)) {
            sessions.publish(s.getId());
        }
        log.info("Demo data created: people, 2 courses, 4 sessions (3 published)");
    }

    private void person(String username, String name, String department, String jobRole, String location,
            String manager, String group) {
        people.create(username, username, name, username + "@muster.local", department, jobRole, location,
                EmploymentType.EMPLOYEE, manager, "Europe/London", Set.of(group), Map.of());
    }

    private TrainingSession session(Course course, String title, int daysAhead, int minutes, SessionType type,
            String place, int capacity, boolean approval, Set<String> departments, Set<String> jobRoles,
            Set<String> locations, List<Material> materials) {
        LocalDate day = LocalDate.now(clock.withZone(LONDON)).plusDays(daysAhead);
        return sessions.create(new Details(course.getId(), title, "Demo session of " + course.getTitle(),
                day.atTime(LocalTime.of(9, 0)).atZone(LONDON).toInstant(), LONDON, minutes, type,
                type == SessionType.IN_PERSON ? place : null, type == SessionType.ONLINE ? place : null,
                "trainer", capacity, true, approval, departments, jobRoles, locations, materials));
    }
}
