package io.muster.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.muster.course.Course;
import io.muster.course.CourseKind;
import io.muster.common.Times;
import io.muster.course.CourseService;
import io.muster.notification.MailType;
import io.muster.notification.Notifications;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.rules.Decisions;
import io.muster.session.UpcomingSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued enrolment mails (the enrolment_mail outbox) in batches of 100: a batch is
 * claimed in one transaction, its mails go out over one SMTP connection (recorded once per event
 * in the notification log, see Notifications.sendToPeople), and each mail's outcome is recorded
 * in one more, so one failing address neither blocks the others nor undoes what was sent. A
 * failed mail is tried again a minute later, three times in all (the retry cycle of the
 * registration mails). Drained every few seconds.
 */
@Component
public class EnrolmentMails {

    private static final Logger LOG = LoggerFactory.getLogger(EnrolmentMails.class);
    private static final int ATTEMPTS = 3;
    /** Mails per SMTP connection and per ledger transaction. */
    private static final int BATCH = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate read;
    private final Notifications notifications;
    private final EnrolmentRepository enrolments;
    private final PeopleService people;
    private final CourseService courses;
    private final UpcomingSessions upcoming;
    private final Decisions decisions;
    private final Clock clock;
    private final String baseUrl;

    EnrolmentMails(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions,
            Notifications notifications, EnrolmentRepository enrolments, PeopleService people, CourseService courses,
            UpcomingSessions upcoming, Decisions decisions, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${muster.base-url}") String baseUrl) {
        this.baseUrl = baseUrl;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.read = new TransactionTemplate(transactions);
        this.read.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.read.setReadOnly(true);
        this.notifications = notifications;
        this.enrolments = enrolments;
        this.people = people;
        this.courses = courses;
        this.upcoming = upcoming;
        this.decisions = decisions;
        this.clock = clock;
    }

    private record Pending(long id, long enrolmentId, String eventKey, int attempts) {
    }

    @Scheduled(fixedDelayString = "${muster.enrolment.mail-interval}")
    void drain() {
        sendPending(500);
    }

    /**
     * Sends up to {@code limit} mails that are due, in batches.
     *
     * @return how many failed (they stay queued for their next attempt)
     */
    public int sendPending(int limit) {
        Instant now = clock.instant();
        List<Pending> due = jdbc.query("""
                select id, enrolment_id, event_key, attempts from enrolment_mail
                where sent_at is null and attempts < :attempts and (next_attempt_at is null or next_attempt_at <= :now)
                order by id fetch first :limit rows only""",
                Map.of("attempts", ATTEMPTS, "now", utc(now), "limit", limit),
                (rs, i) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
        int failed = 0;
        for (int from = 0; from < due.size(); from += BATCH) {
            failed += sendBatch(due.subList(from, Math.min(due.size(), from + BATCH)), now);
        }
        return failed;
    }

    /** Claims a batch, sends its mails over one SMTP connection and records each one's outcome. */
    private int sendBatch(List<Pending> batch, Instant now) {
        List<Pending> claimed = claim(batch, now);
        Map<String, String> failed = new HashMap<>();
        List<Notifications.PersonMail> mails = new ArrayList<>();
        for (Pending mail : claimed) {
            try {
                Notifications.PersonMail composed = read.execute(status -> compose(mail));
                if (composed != null) {
                    mails.add(composed);
                }
            } catch (RuntimeException e) {
                failed.put(mail.eventKey(), String.valueOf(e.getMessage()));
            }
        }
        try {
            failed.putAll(notifications.sendToPeople(mails).failed());
        } catch (RuntimeException e) {
            mails.forEach(mail -> failed.put(mail.eventKey(), String.valueOf(e.getMessage())));
        }
        List<Long> done = claimed.stream().filter(mail -> !failed.containsKey(mail.eventKey())).map(Pending::id).toList();
        List<Pending> failing = claimed.stream().filter(mail -> failed.containsKey(mail.eventKey())).toList();
        failing.forEach(mail -> LOG.warn("Enrolment mail {} failed (attempt {} of {}): {}", mail.eventKey(),
                mail.attempts() + 1, ATTEMPTS, failed.get(mail.eventKey())));
        tx.executeWithoutResult(status -> {
            if (!done.isEmpty()) {
                jdbc.update("update enrolment_mail set sent_at = :now where id in (:ids)",
                        Map.of("ids", done, "now", utc(clock.instant())));
            }
            jdbc.batchUpdate("update enrolment_mail set last_error = :error where id = :id", failing.stream()
                    .map(mail -> new MapSqlParameterSource().addValue("id", mail.id())
                            .addValue("error", truncate(failed.get(mail.eventKey()))))
                    .toArray(MapSqlParameterSource[]::new));
        });
        return failing.size();
    }

    /**
     * Counts each mail's attempt before sending, so a crash counts too; of two nodes claiming the
     * same mail, one wins. One transaction for the batch.
     */
    private List<Pending> claim(List<Pending> batch, Instant now) {
        int[] claimed = tx.execute(status -> jdbc.batchUpdate("""
                update enrolment_mail set attempts = attempts + 1, next_attempt_at = :next
                where id = :id and sent_at is null and attempts = :attempts""", batch.stream()
                .map(mail -> new MapSqlParameterSource().addValue("id", mail.id()).addValue("attempts", mail.attempts())
                        .addValue("next", utc(now.plusSeconds(60))))
                .toArray(MapSqlParameterSource[]::new)));
        return IntStream.range(0, batch.size()).filter(i -> claimed[i] == 1).mapToObj(batch::get).toList();
    }

    /** The mail for an enrolment; none for an enrolment that ended before its mail went out. */
    private Notifications.PersonMail compose(Pending mail) {
        Enrolment enrolment = enrolments.findById(mail.enrolmentId()).orElse(null);
        if (enrolment == null || enrolment.getStatus().isEnded()) {
            return null;
        }
        Person person = people.get(enrolment.getPersonId());
        Course course = courses.get(enrolment.getCourseId());
        MailType type = course.getKind() == CourseKind.ELEARNING ? MailType.ENROLLED_ELEARNING : MailType.ENROLLED_ILT;
        return new Notifications.PersonMail(type, person.getEmail(), values(enrolment, person, course), mail.eventKey());
    }

    private static String truncate(String error) {
        return error.substring(0, Math.min(1000, error.length()));
    }

    private Map<String, String> values(Enrolment enrolment, Person person, Course course) {
        Map<String, String> values = new HashMap<>();
        values.put("learner", person.getName());
        values.put("course", course.getTitle());
        values.put("method", enrolment.getMethodLabel());
        values.put("launchUrl", course.getLaunchUrl() == null ? "" : course.getLaunchUrl());
        values.put("sessions", course.getKind() == CourseKind.ILT ? bookableSessions(person, course) : "");
        return values;
    }

    /** The course's upcoming sessions this person sees, by the same visibility table as the calendar. */
    private String bookableSessions(Person person, Course course) {
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(person.getTimeZone());
        Decisions.VisibilityCheck visible = decisions.visibilityFor(person.profile().viewer());
        String lines = upcoming.scheduledAfter(now).stream()
                .filter(s -> s.courseId() == course.getId())
                .filter(s -> visible.of(s.rules(now)).visible())
                .map(s -> "- " + s.title() + ", " + Times.at(s.startsAt(), zone) + ", "
                        + ("ONLINE".equals(s.type()) ? "online" : s.location())
                        + (s.seatsLeft() == null ? "" : ", " + s.seatsLeft() + " seats left")
                        + ": " + baseUrl + "/sessions/" + s.id())
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? "(no session is scheduled yet; you will be able to book as soon as one is)" : lines;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
