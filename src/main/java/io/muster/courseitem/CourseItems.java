package io.muster.courseitem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import io.muster.common.TooLargeException;
import io.muster.course.Course;
import io.muster.course.CourseKind;
import io.muster.course.CourseService;
import io.muster.enrolment.EnrolmentService;
import io.muster.people.PeopleService;
import io.muster.people.Person;
import io.muster.registration.RosterService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The uploads and evaluations of instructor-led courses and what learners handed in for them.
 * Submitting an item publishes {@link CourseItemSubmitted}, on which the learner's progress is
 * worked out again in the same transaction.
 */
@Service
public class CourseItems {

    private static final int MAX_FILE_NAME = 255;

    private final NamedParameterJdbcTemplate jdbc;
    private final CourseService courses;
    private final PeopleService people;
    private final EnrolmentService enrolments;
    private final RosterService roster;
    private final UploadLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CourseItems(NamedParameterJdbcTemplate jdbc, CourseService courses, PeopleService people,
            EnrolmentService enrolments, RosterService roster, UploadLimits limits, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.people = people;
        this.enrolments = enrolments;
        this.roster = roster;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /** An item as configured; questions only for an evaluation. */
    public record Item(long id, long courseId, CourseItemKind kind, String title, boolean required,
            List<String> questions) {
    }

    /** What was stored for an upload, without the file. */
    public record Stored(long itemId, String fileName, String contentType, long size, Instant submittedAt) {
    }

    /** A stored upload. */
    public record Upload(String fileName, String contentType, long size, Instant submittedAt, byte[] content) {
    }

    @Transactional
    public Item create(long courseId, CourseItemKind kind, String title, boolean required, List<String> questions) {
        Course course = courses.get(courseId);
        if (course.getKind() != CourseKind.ILT) {
            throw new ConflictException("kind", "uploads and evaluations belong to instructor-led courses; course "
                    + course.getCode() + " is " + course.getKind());
        }
        List<String> asked = questions == null ? List.of() : questions;
        if (kind == CourseItemKind.EVALUATION && asked.isEmpty()) {
            throw new InvalidInputException("questions", "an evaluation asks at least one question");
        }
        if (kind == CourseItemKind.UPLOAD && !asked.isEmpty()) {
            throw new InvalidInputException("questions", "an upload asks no questions");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into course_item (course_id, kind, title, required, created_at)
                values (:course, :kind, :title, :required, :at)""", new MapSqlParameterSource()
                .addValue("course", courseId).addValue("kind", kind.name()).addValue("title", title)
                .addValue("required", required).addValue("at", java.sql.Timestamp.from(clock.instant())),
                key, new String[] {"id"});
        long id = key.getKeyAs(Number.class).longValue();
        jdbc.batchUpdate("insert into course_item_question (item_id, position, text) values (:item, :position, :text)",
                java.util.stream.IntStream.range(0, asked.size()).mapToObj(i -> new MapSqlParameterSource()
                        .addValue("item", id).addValue("position", i + 1).addValue("text", asked.get(i)))
                        .toArray(MapSqlParameterSource[]::new));
        if (required) {
            events.publishEvent(new CourseItemsChanged(courseId, clock.instant()));
        }
        return new Item(id, courseId, kind, title, required, List.copyOf(asked));
    }

    /** Removes an item with everything handed in for it. */
    @Transactional
    public void delete(long courseId, long itemId) {
        Item item = get(itemId);
        if (item.courseId() != courseId) {
            throw new NotFoundException("Course item", itemId);
        }
        jdbc.update("delete from course_item where id = :id", Map.of("id", itemId));
        if (item.required()) {
            events.publishEvent(new CourseItemsChanged(courseId, clock.instant()));
        }
    }

    /** The course's items in the order they were added. */
    @Transactional(readOnly = true)
    public List<Item> of(long courseId) {
        courses.get(courseId);
        Map<Long, List<String>> questions = new HashMap<>();
        jdbc.query("""
                select q.item_id, q.text from course_item_question q join course_item i on i.id = q.item_id
                where i.course_id = :course order by q.item_id, q.position""", Map.of("course", courseId),
                rs -> {
                    questions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.query("select id, course_id, kind, title, required from course_item where course_id = :course"
                + " order by id", Map.of("course", courseId), (rs, i) -> new Item(rs.getLong(1), rs.getLong(2),
                        CourseItemKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5),
                        List.copyOf(questions.getOrDefault(rs.getLong(1), List.of()))));
    }

    @Transactional(readOnly = true)
    public Item get(long itemId) {
        List<Long> course = jdbc.queryForList("select course_id from course_item where id = :id", Map.of("id", itemId),
                Long.class);
        if (course.isEmpty()) {
            throw new NotFoundException("Course item", itemId);
        }
        return of(course.get(0)).stream().filter(i -> i.id() == itemId).findFirst().orElseThrow();
    }

    /** When the person submitted each item of the course they submitted. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> submittedBy(long personId, long courseId) {
        Map<Long, Instant> submitted = new LinkedHashMap<>();
        jdbc.query("""
                select s.item_id, s.submitted_at from course_item_submission s join course_item i on i.id = s.item_id
                where i.course_id = :course and s.person_id = :person order by s.item_id""",
                Map.of("course", courseId, "person", personId),
                rs -> {
                    submitted.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return submitted;
    }

    /** Per person, when they submitted each item of the course. */
    @Transactional(readOnly = true)
    public Map<Long, Map<Long, Instant>> submittedIn(long courseId) {
        Map<Long, Map<Long, Instant>> submitted = new HashMap<>();
        jdbc.query("""
                select s.person_id, s.item_id, s.submitted_at from course_item_submission s
                join course_item i on i.id = s.item_id where i.course_id = :course""", Map.of("course", courseId),
                rs -> {
                    submitted.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getLong(2), rs.getTimestamp(3).toInstant());
                });
        return submitted;
    }

    /**
     * A learner hands in a file for an upload item: replaces an earlier one. The file's name, type
     * and size are checked before anything is stored.
     */
    @Transactional
    public Stored submitUpload(long itemId, String username, String fileName, String contentType, InputStream body) {
        Item item = submittable(itemId, CourseItemKind.UPLOAD);
        Person person = onCourse(username, item);
        checkFileName(fileName);
        String mediaType = mediaType(contentType);
        byte[] content = read(body);
        Instant at = replaceSubmission(item, person.getId());
        jdbc.update("""
                insert into course_upload (item_id, person_id, file_name, content_type, size_bytes, content)
                values (:item, :person, :name, :type, :size, :content)""", new MapSqlParameterSource()
                .addValue("item", itemId).addValue("person", person.getId()).addValue("name", fileName)
                .addValue("type", mediaType).addValue("size", content.length).addValue("content", content));
        events.publishEvent(new CourseItemSubmitted(person.getId(), item.courseId(), itemId, at));
        return new Stored(itemId, fileName, mediaType, content.length, at);
    }

    /** A learner answers an evaluation, one answer per question in order: replaces earlier answers. */
    @Transactional
    public Instant submitEvaluation(long itemId, String username, List<String> answers) {
        Item item = submittable(itemId, CourseItemKind.EVALUATION);
        Person person = onCourse(username, item);
        if (answers.size() != item.questions().size()) {
            throw new InvalidInputException("answers", "one answer for each of the " + item.questions().size()
                    + " questions");
        }
        Instant at = replaceSubmission(item, person.getId());
        jdbc.batchUpdate("""
                insert into course_evaluation_answer (item_id, person_id, position, answer)
                values (:item, :person, :position, :answer)""", java.util.stream.IntStream.range(0, answers.size())
                .mapToObj(i -> new MapSqlParameterSource().addValue("item", itemId).addValue("person", person.getId())
                        .addValue("position", i + 1).addValue("answer", answers.get(i)))
                .toArray(MapSqlParameterSource[]::new));
        events.publishEvent(new CourseItemSubmitted(person.getId(), item.courseId(), itemId, at));
        return at;
    }

    @Transactional(readOnly = true)
    public Upload upload(long itemId, String username) {
        Person person = people.get(username);
        List<Upload> found = jdbc.query("""
                select u.file_name, u.content_type, u.size_bytes, s.submitted_at, u.content from course_upload u
                join course_item_submission s on s.item_id = u.item_id and s.person_id = u.person_id
                where u.item_id = :item and u.person_id = :person""",
                Map.of("item", itemId, "person", person.getId()), (rs, i) -> new Upload(rs.getString(1),
                        rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant(), rs.getBytes(5)));
        if (found.isEmpty()) {
            throw new NotFoundException("Upload of " + username + " for course item", itemId);
        }
        return found.get(0);
    }

    /** The learner's answers to an evaluation, in question order. */
    @Transactional(readOnly = true)
    public List<String> answers(long itemId, String username) {
        Person person = people.get(username);
        List<String> answers = jdbc.queryForList("""
                select answer from course_evaluation_answer where item_id = :item and person_id = :person
                order by position""", Map.of("item", itemId, "person", person.getId()), String.class);
        if (answers.isEmpty()) {
            throw new NotFoundException("Answers of " + username + " for course item", itemId);
        }
        return answers;
    }

    private Item submittable(long itemId, CourseItemKind kind) {
        Item item = get(itemId);
        if (item.kind() != kind) {
            throw new ConflictException("course item " + itemId + " is an " + item.kind().name().toLowerCase(Locale.ROOT)
                    + ", not an " + kind.name().toLowerCase(Locale.ROOT));
        }
        return item;
    }

    /** Only a learner on the course (a live enrolment or a live registration in it) hands items in. */
    private Person onCourse(String username, Item item) {
        Person person = people.get(username);
        boolean enrolled = enrolments.find(person.getId(), item.courseId()).filter(e -> !e.getStatus().isEnded())
                .isPresent();
        if (!enrolled && roster.ofPersonInCourse(person.getId(), item.courseId()).stream()
                .noneMatch(r -> r.getStatus().isLive())) {
            throw new ConflictException(username + " is not enrolled on the item's course");
        }
        return person;
    }

    private Instant replaceSubmission(Item item, long personId) {
        Instant at = clock.instant();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("item", item.id()).addValue("person", personId)
                .addValue("at", java.sql.Timestamp.from(at));
        jdbc.update("delete from course_item_submission where item_id = :item and person_id = :person", p);
        jdbc.update("insert into course_item_submission (item_id, person_id, submitted_at) values (:item, :person, :at)",
                p);
        return at;
    }

    private static void checkFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw new InvalidInputException("fileName", "the file's name is missing");
        }
        if (fileName.length() > MAX_FILE_NAME) {
            throw new InvalidInputException("fileName", "at most " + MAX_FILE_NAME + " characters");
        }
        if (fileName.equals(".") || fileName.equals("..")
                || fileName.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new InvalidInputException("fileName", "a plain file name, without folders or control characters");
        }
    }

    private String mediaType(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        String bare = type == null ? null : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (bare == null || !limits.allows(bare)) {
            throw new InvalidInputException("contentType", "one of " + new java.util.TreeSet<>(limits.contentTypes()));
        }
        return bare;
    }

    /** Reads at most one byte past the limit, so a too large file is refused without being held whole. */
    private byte[] read(InputStream body) {
        try {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (content.length > limits.maxBytes()) {
                throw new TooLargeException("file", "at most " + limits.maxBytes() + " bytes");
            }
            if (content.length == 0) {
                throw new InvalidInputException("file", "the file is empty");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
