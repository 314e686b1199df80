package io.muster.support;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.muster.security.MusterGroups;
import org.awaitility.Awaitility;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** Courses, sessions and people made through the API, the way an admin would. */
public class Fixtures {

    private static final AtomicInteger SLOT = new AtomicInteger();

    private final Api api;
    private final JdbcTemplate jdbc;

    public Fixtures(Api api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public long course(String enrolmentMethod) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("C"),
                "title", "Course " + Api.unique(""), "kind", "ILT", "required", false, "enrolmentMethod", enrolmentMethod));
        return r.body().get("id").asLong();
    }

    /** A self-enrolment ILT course whose learners may (or may not) hold places in several of its sessions. */
    public long course(boolean allowMultipleSessions) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/courses", Map.of("code", Api.unique("C"),
                "title", "Course " + Api.unique(""), "kind", "ILT", "required", false, "enrolmentMethod", "SELF",
                "allowMultipleSessions", allowMultipleSessions));
        return r.body().get("id").asLong();
    }

    /** A published session of the course, open to everyone. */
    public long session(long courseId, Integer capacity, boolean waitingList) {
        return session(courseId, capacity, waitingList, false, Map.of());
    }

    /**
     * A published session of the course, open to everyone, starting in a few minutes and lasting two
     * days: a test moves the clock just past its start, and other tests' clock moves of up to a day
     * do not end it (ending makes the lifecycle's attendance task due).
     */
    public long sessionStartingSoon(long courseId, int capacity) {
        return sessionStartingSoon(courseId, capacity, null);
    }

    /** The same, trained by the given trainer (none when null). */
    public long sessionStartingSoon(long courseId, int capacity, String trainer) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>(Map.of("courseId", courseId,
                "title", "Session " + Api.unique(""), "startsAt", start.toString(), "timeZone", "Europe/London",
                "durationMinutes", 2 * 24 * 60, "type", "IN_PERSON", "location", "Room 2", "waitingList", false,
                "approvalRequired", false, "capacity", capacity));
        if (trainer != null) {
            body.put("trainerUsername", trainer);
        }
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", body);
        if (r.status() != 201) {
            throw new IllegalStateException("Cannot create session: " + r);
        }
        long id = r.body().get("id").asLong();
        api.asAdmin(HttpMethod.POST, "/api/sessions/" + id + "/publish", null);
        return id;
    }

    /** A published session of a new course, starting in a few days, open to everyone. */
    public long session(Integer capacity, boolean waitingList, boolean approvalRequired) {
        return session(course("SELF"), capacity, waitingList, approvalRequired, Map.of());
    }

    public long session(long courseId, Integer capacity, boolean waitingList, boolean approvalRequired,
            Map<String, List<String>> visibility) {
        long id = draft(courseId, capacity, waitingList, approvalRequired, visibility);
        Api.Response published = api.asAdmin(HttpMethod.POST, "/api/sessions/" + id + "/publish", null);
        if (published.status() != 200) {
            throw new IllegalStateException("Cannot publish: " + published);
        }
        return id;
    }

    public long draft(long courseId, Integer capacity, boolean waitingList, boolean approvalRequired,
            Map<String, List<String>> visibility) {
        return draft(courseId, capacity, waitingList, approvalRequired, visibility, null);
    }

    /** A published session trained by the given trainer. */
    public long sessionTrainedBy(String trainer, Integer capacity, boolean waitingList, boolean approvalRequired) {
        long id = draft(course("SELF"), capacity, waitingList, approvalRequired, Map.of(), trainer);
        api.asAdmin(HttpMethod.POST, "/api/sessions/" + id + "/publish", null);
        return id;
    }

    public long draft(long courseId, Integer capacity, boolean waitingList, boolean approvalRequired,
            Map<String, List<String>> visibility, String trainer) {
        // spread sessions in time so no two ever share a trainer slot
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).plusHours(3L * SLOT.incrementAndGet())
                .truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> body = new HashMap<>(Map.of("courseId", courseId, "title", "Session " + Api.unique(""),
                "startsAt", start.toString(), "timeZone", "Europe/London", "durationMinutes", 60,
                "type", "IN_PERSON", "location", "Room 1", "waitingList", waitingList,
                "approvalRequired", approvalRequired, "visibility", visibility));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        if (trainer != null) {
            body.put("trainerUsername", trainer);
        }
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/sessions", body);
        if (r.status() != 201) {
            throw new IllegalStateException("Cannot create session: " + r);
        }
        return r.body().get("id").asLong();
    }

    /** A learner's booking waiting for their manager's approval: who approves, who asked, for which session. */
    public record AwaitingApproval(String approver, String learner, long session, String sessionTitle, long registration) {
    }

    public AwaitingApproval bookingAwaitingApproval() {
        String approver = api.createPerson(Api.unique("approver"), MusterGroups.APPROVERS, Map.of());
        String learner = learner(Map.of("managerUsername", approver));
        long session = session(3, false, true);
        Api.Response booked = book(learner, session);
        String status = booked.body().get("status").asText();
        if (!"NEEDS_APPROVAL".equals(status)) {
            throw new IllegalStateException("The booking is " + status + ", not waiting for approval");
        }
        String title = api.asAdmin(HttpMethod.GET, "/api/sessions/" + session, null).body().get("title").asText();
        return new AwaitingApproval(approver, learner, session, title, booked.body().get("id").asLong());
    }

    /** Each learner's latest status on the session's roster, as the API reads it, by username. */
    public Map<String, String> statusesOn(long session) {
        Map<String, String> statuses = new HashMap<>();
        api.asAdmin(HttpMethod.GET, "/api/sessions/" + session + "/roster", null).body().get("registrations")
                .forEach(r -> statuses.put(r.get("username").asText(), r.get("status").asText()));
        return statuses;
    }

    public String learner() {
        return api.createPerson(Api.unique("learner"), MusterGroups.LEARNERS, Map.of());
    }

    public String learner(Map<String, Object> profile) {
        return api.createPerson(Api.unique("learner"), MusterGroups.LEARNERS, profile);
    }

    /** Books as the learner; the booking's process has started by the time it is answered. */
    public Api.Response book(String learner, long sessionId) {
        return api.post(learner, Api.passwordOf(learner), "/api/sessions/" + sessionId + "/registrations", null);
    }

    /** The learner's whole calendar, every page of it. */
    public List<com.fasterxml.jackson.databind.JsonNode> calendar(String learner) {
        List<com.fasterxml.jackson.databind.JsonNode> entries = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            Api.Response page = api.get(learner, Api.passwordOf(learner), "/api/me/sessions?limit=500&offset=" + offset);
            page.body().forEach(entries::add);
            if (page.headers().getFirst("Link") == null) {
                return entries;
            }
        }
    }

    public Api.Response registration(String user, long registrationId) {
        return api.get(user, Api.passwordOf(user), "/api/registrations/" + registrationId);
    }

    public Api.Response act(String user, long registrationId, String action) {
        return api.post(user, Api.passwordOf(user), "/api/registrations/" + registrationId + "/" + action, null);
    }

    /** A segment over the given rule, named uniquely. */
    public long segment(Map<String, List<String>> rule) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/segments", Map.of("name", Api.unique("Segment "), "rule", rule));
        if (r.status() != 201) {
            throw new IllegalStateException("Cannot create segment: " + r);
        }
        return r.body().get("id").asLong();
    }

    /** Edits a person's profile as an admin: the fields given replace those of a plain test profile. */
    public void profile(String username, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Test " + username, "email", username + "@example.org",
                "employmentType", "EMPLOYEE", "timeZone", "Europe/London"));
        body.putAll(changes);
        Api.Response r = api.asAdmin(HttpMethod.PUT, "/api/people/" + username, body);
        if (r.status() != 200) {
            throw new IllegalStateException("Cannot edit profile: " + r);
        }
    }

    /** The learner's line in the course activity view, read as an admin. */
    public com.fasterxml.jackson.databind.JsonNode activityOf(long course, String learner) {
        Api.Response r = api.asAdmin(HttpMethod.GET, "/api/courses/" + course + "/activity", null);
        if (r.status() != 200) {
            throw new IllegalStateException("Cannot read the activity view: " + r);
        }
        for (com.fasterxml.jackson.databind.JsonNode line : r.body()) {
            if (line.get("username").asText().equals(learner)) {
                return line;
            }
        }
        throw new AssertionError(learner + " is not in the activity view: " + r.text());
    }
}
