package io.muster.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.muster.common.ConflictException;
import io.muster.people.PeopleService;
import io.muster.support.Api;
import io.muster.support.EmbeddedServices;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The enrolment rules every feature relies on (segments, auto-enrolment, keys), on PostgreSQL. */
@IntegrationTest
class EnrolmentServiceIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired EnrolmentService enrolments;
    @Autowired EnrolmentMails mails;
    @Autowired PeopleService people;
    @Autowired JdbcTemplate jdbc;
    @Autowired JavaMailSenderImpl mailSender;

    private long person(String username) {
        return people.get(username).getId();
    }

    private long course(String kind, String launchUrl) {
        Map<String, Object> body = new HashMap<>(Map.of("code", Api.unique("EN"), "title", Api.unique("Course "),
                "kind", kind, "required", true, "enrolmentMethod", "ASSIGNMENT_ONLY"));
        body.put("launchUrl", launchUrl);
        return api.asAdmin(HttpMethod.POST, "/api/courses", body).body().get("id").asLong();
    }

    @Test
    void enrollingTwiceKeepsOneEnrolmentAndCollectsItsSources() {
        long person = person(fixtures.learner());
        long course = course("ELEARNING", "https://learn.example.org/fire");

        Enrolment first = enrolments.enrol(person, course, EnrolmentSource.segment(1), "admin");
        Enrolment again = enrolments.enrol(person, course, EnrolmentSource.segment(1), "admin");
        Enrolment second = enrolments.enrol(person, course, EnrolmentSource.segment(2), "admin");

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(second.getSources()).containsExactlyInAnyOrder("SEGMENT:1", "SEGMENT:2");
        assertThat(second.getStatus()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(second.getMethodLabel()).isEqualTo("Smart, " + LocalDate.now(ZoneId.of("Europe/London")));
        assertThat(jdbc.queryForObject("select count(*) from enrolment where person_id = ? and course_id = ?",
                Long.class, person, course)).isEqualTo(1);
    }

    @Test
    void theDatabaseHoldsOneEnrolmentPerPersonAndCourse() {
        long person = person(fixtures.learner());
        long course = course("ELEARNING", "https://learn.example.org/x");
        enrolments.enrol(person, course, EnrolmentSource.MANUAL, "admin");

        assertThatThrownBy(() -> jdbc.update("""
                insert into enrolment (person_id, course_id, status, method, method_label, enrolled_at, updated_at)
                values (?, ?, 'ENROLLED', 'MANUAL', 'Manual', now(), now())""", person, course))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anEnrolmentStaysWhileOneSourceRemainsAndResumesItsProgressWhenEnrolledAgain() {
        long person = person(fixtures.learner());
        long course = course("ELEARNING", "https://learn.example.org/y");
        enrolments.enrol(person, course, EnrolmentSource.segment(11), "admin");
        enrolments.enrol(person, course, EnrolmentSource.segment(12), "admin");
        enrolments.recordProgress(person, course, 40);

        assertThat(enrolments.removeSource(person, course, EnrolmentSource.segment(11), "admin")).isFalse();
        assertThat(enrolments.find(person, course).orElseThrow().getStatus()).isEqualTo(EnrolmentStatus.IN_PROGRESS);

        assertThat(enrolments.removeSource(person, course, EnrolmentSource.segment(12), "admin")).isTrue();
        Enrolment ended = enrolments.find(person, course).orElseThrow();
        assertThat(ended.getStatus()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(ended.getProgress()).isEqualTo(40);

        Enrolment resumed = enrolments.enrol(person, course, EnrolmentSource.segment(12), "admin");
        assertThat(resumed.getId()).isEqualTo(ended.getId());
        assertThat(resumed.getStatus()).isEqualTo(EnrolmentStatus.IN_PROGRESS);
        assertThat(resumed.getProgress()).isEqualTo(40);
        assertThat(resumed.getSources()).containsExactly("SEGMENT:12");
    }

    @Test
    void unlinkingEndsWhoOnlyThatSourceEnrolledAndArchivesTheirCompletions() {
        long course = course("ELEARNING", "https://learn.example.org/z");
        long completed = person(fixtures.learner());
        long alsoManual = person(fixtures.learner());
        long otherSegment = person(fixtures.learner());
        EnrolmentSource segment = EnrolmentSource.segment(21);
        enrolments.enrolAll(course, List.of(completed, alsoManual), segment, "admin");
        enrolments.enrol(alsoManual, course, EnrolmentSource.MANUAL, "admin");
        enrolments.enrol(otherSegment, course, EnrolmentSource.segment(22), "admin");
        enrolments.recordProgress(completed, course, 100);

        assertThat(enrolments.unlink(course, segment, "admin")).isEqualTo(1);

        Enrolment archived = enrolments.find(completed, course).orElseThrow();
        assertThat(archived.getStatus()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(archived.getCompletedAt()).isNull();
        assertThat(enrolments.archivedCompletionsOf(completed)).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("SEGMENT:21"));
        Enrolment kept = enrolments.find(alsoManual, course).orElseThrow();
        assertThat(kept.getStatus()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(kept.getSources()).containsExactly("MANUAL");
        assertThat(enrolments.find(otherSegment, course).orElseThrow().getSources()).containsExactly("SEGMENT:22");
        assertThat(enrolments.enrolledBy(course, segment)).isEmpty();
    }

    @Test
    void unlinkingAChunkEndsOnlyThePeopleOfThatChunkInIdOrder() {
        long course = course("ELEARNING", "https://learn.example.org/c");
        List<Long> people = List.of(person(fixtures.learner()), person(fixtures.learner()), person(fixtures.learner()));
        EnrolmentSource segment = EnrolmentSource.segment(31);
        enrolments.enrolAll(course, people, segment, "admin");

        List<Long> firstTwo = enrolments.enrolledBy(course, segment, 0, 2);
        assertThat(firstTwo).containsExactly(people.get(0), people.get(1));
        assertThat(enrolments.unlink(course, segment, firstTwo, "admin")).isEqualTo(2);
        assertThat(enrolments.unlink(course, segment, List.of(), "admin")).isZero();

        assertThat(enrolments.find(people.get(0), course).orElseThrow().getStatus()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(enrolments.find(people.get(2), course).orElseThrow().getStatus()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolments.enrolledBy(course, segment, firstTwo.get(1), 2)).containsExactly(people.get(2));
    }

    @Test
    void anAutomaticEnrolmentOnAFinishedCourseStartsANewAttempt() {
        long person = person(fixtures.learner());
        long course = course("ELEARNING", "https://learn.example.org/r");
        enrolments.enrol(person, course, EnrolmentSource.MANUAL, "admin");
        enrolments.recordProgress(person, course, 100);
        assertThat(jdbc.queryForObject("select count(*) from training_record where person_id = ? and course_id = ?"
                + " and source = 'ENROLMENT'", Long.class, person, course))
                .as("an e-learning completion is a training record, so its expiry starts the next cycle").isEqualTo(1);

        Enrolment retake = enrolments.enrol(person, course, EnrolmentSource.AUTO, "auto-enrol");

        assertThat(retake.getStatus()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(retake.getProgress()).isZero();
        assertThat(retake.getMethodLabel()).startsWith("Automatic, ");
        assertThat(retake.getSources()).containsExactlyInAnyOrder("MANUAL", "AUTO");
        assertThat(enrolments.archivedCompletionsOf(person)).hasSize(1);
    }

    @Test
    void cancellingIsRefusedWhileInProgressOrWhenASegmentEnrolled() {
        long person = person(fixtures.learner());
        long course = course("ELEARNING", "https://learn.example.org/c");
        Enrolment auto = enrolments.enrol(person, course, EnrolmentSource.AUTO, "auto-enrol");
        enrolments.recordProgress(person, course, 10);
        assertThatThrownBy(() -> enrolments.cancel(auto.getId(), "admin")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("in progress");

        long other = person(fixtures.learner());
        Enrolment smart = enrolments.enrol(other, course, EnrolmentSource.segment(31), "admin");
        assertThatThrownBy(() -> enrolments.cancel(smart.getId(), "admin")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("segment");

        long third = person(fixtures.learner());
        Enrolment cancelled = enrolments.cancel(enrolments.enrol(third, course, EnrolmentSource.AUTO, "a").getId(), "admin");
        assertThat(cancelled.getStatus()).isEqualTo(EnrolmentStatus.CANCELLED);
    }

    @Test
    void anELearningEnrolmentIsMailedOnceWithTheLaunchLink() throws Exception {
        String learner = fixtures.learner();
        long course = course("ELEARNING", "https://learn.example.org/launch/42");
        enrolments.enrol(person(learner), course, EnrolmentSource.AUTO, "auto-enrol");
        enrolments.enrol(person(learner), course, EnrolmentSource.MANUAL, "admin");
        mails.sendPending(100);

        List<String> subjects = Mailbox.awaitSubjects(learner + "@example.org", 1);
        mails.sendPending(100);
        assertThat(Mailbox.subjectsTo(learner + "@example.org")).hasSize(1);
        assertThat(subjects.get(0)).startsWith("You are enrolled");
        assertThat(body(Mailbox.to(learner + "@example.org").get(0))).contains("https://learn.example.org/launch/42");
    }

    @Test
    void anInstructorLedEnrolmentListsTheUpcomingSessionsThePersonMayBook() throws Exception {
        String learner = fixtures.learner(Map.of("department", "Operations"));
        long course = course("ILT", null);
        long open = fixtures.session(course, 10, false, false, Map.of());
        long elsewhere = fixtures.session(course, 10, false, false, Map.of("departments", List.of("Finance")));
        enrolments.enrol(person(learner), course, EnrolmentSource.MANUAL, "admin");
        mails.sendPending(100);

        Mailbox.awaitSubjects(learner + "@example.org", 1);
        String text = body(Mailbox.to(learner + "@example.org").get(0));
        assertThat(text).contains("/sessions/" + open).doesNotContain("/sessions/" + elsewhere).doesNotContain("/api/");
    }

    @Test
    void mailsTheSmtpServerCouldNotTakeStayQueuedAndGoOutOnceWhenTriedAgain() {
        String first = fixtures.learner();
        String second = fixtures.learner();
        long course = course("ELEARNING", "https://learn.example.org/batch");
        mailSender.setPort(EmbeddedServices.freePort());
        try {
            enrolments.enrol(person(first), course, EnrolmentSource.AUTO, "auto-enrol");
            enrolments.enrol(person(second), course, EnrolmentSource.AUTO, "auto-enrol");
            mails.sendPending(100);
        } finally {
            mailSender.setPort(EmbeddedServices.mail().getSmtp().getPort());
        }
        assertThat(Mailbox.subjectsTo(first + "@example.org")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from enrolment_mail m join enrolment e on e.id = m.enrolment_id"
                + " where e.course_id = ? and m.sent_at is null and m.attempts = 1", Long.class, course)).isEqualTo(2);

        // a minute later the retry is due
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(61)));
        try {
            mails.sendPending(100);
        } finally {
            ClockUtil.reset();
        }

        assertThat(Mailbox.awaitSubjects(first + "@example.org", 1)).hasSize(1);
        assertThat(Mailbox.awaitSubjects(second + "@example.org", 1)).hasSize(1);
        mails.sendPending(100);
        assertThat(Mailbox.subjectsTo(first + "@example.org")).hasSize(1);
        assertThat(jdbc.queryForList("select n.status from notification n join enrolment e"
                + " on n.event_key like concat('enrolment:', e.id, ':%') where e.course_id = ?", String.class, course))
                .containsExactly("SENT", "SENT");
    }

    private static String body(MimeMessage message) throws Exception {
        jakarta.mail.internet.MimeMultipart alternative = (jakarta.mail.internet.MimeMultipart) message.getContent();
        return (String) alternative.getBodyPart(0).getContent();
    }
}
