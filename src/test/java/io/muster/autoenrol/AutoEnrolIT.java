package io.muster.autoenrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.enrolment.EnrolmentService;
import io.muster.people.PeopleService;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import io.muster.support.Mailbox;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Seed 003 end to end on PostgreSQL: settings, the cycle by hand and by its nightly timer, its report, opt-out, cancelling. */
@IntegrationTest
class AutoEnrolIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired PeopleService people;
    @Autowired EnrolmentService enrolments;
    @Autowired AutoEnrolCycle cycle;
    @Autowired AutoEnrolSettings settings;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    /** The test's "now": some weeks ahead, so the records below are relative to a moved clock. */
    private final Instant now = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);

    @Autowired HistoryService historyService;

    /** The nightly timer would fire by itself once the clock passes midnight; runs here are started on purpose. */
    @BeforeEach
    void holdTheNightlyTimer() {
        managementService.suspendJobById(nightlyTimer().getId());
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        settings.setMissingTraining(false);
        managementService.activateJobById(nightlyTimer().getId());
    }

    private Job nightlyTimer() {
        return managementService.createJobQuery().processDefinitionKey(AutoEnrolCycleProcess.KEY).timers()
                .singleResult();
    }

    private void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private long course(String kind, boolean required) {
        Map<String, Object> body = new HashMap<>(Map.of("code", Api.unique("AE"), "title", Api.unique("Auto "),
                "kind", kind, "required", required, "enrolmentMethod", "SELF", "validityMonths", 12));
        if (kind.equals("ELEARNING")) {
            body.put("launchUrl", "https://learn.example.org/" + body.get("code"));
        }
        return api.asAdmin(HttpMethod.POST, "/api/courses", body).body().get("id").asLong();
    }

    private Api.Response autoEnrol(long course, Map<String, Object> settings) {
        return api.asAdmin(HttpMethod.PUT, "/api/courses/" + course + "/auto-enrol", settings);
    }

    private void record(String username, long course, Instant expiresAt) {
        Api.Response r = api.asAdmin(HttpMethod.POST, "/api/training-records", Map.of("username", username,
                "courseId", course, "completedAt", expiresAt.minus(Duration.ofDays(365)).toString(),
                "expiresAt", expiresAt.toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private JsonNode runAndWait() {
        Api.Response started = api.asAdmin(HttpMethod.POST, "/api/auto-enrol/runs", null);
        assertThat(started.status()).isEqualTo(202);
        String location = started.headers().getLocation().toString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> "COMPLETED".equals(api.asAdmin(HttpMethod.GET, location, null).body().path("state").asText()));
        JsonNode run = api.asAdmin(HttpMethod.GET, location, null).body();
        assertThat(jdbc.queryForObject("select count(*) from auto_enrol_candidate where batch_id = ?", Long.class,
                run.get("id").asText())).as("a finished run leaves no candidates behind").isZero();
        return run;
    }

    private Map<String, Integer> countsOf(JsonNode run, long course) {
        Map<String, Integer> counts = new HashMap<>();
        run.get("counts").forEach(c -> {
            if (c.get("courseId").asLong() == course) {
                counts.put(c.get("reason").asText(), c.get("people").asInt());
            }
        });
        return counts;
    }

    private List<JsonNode> enrolmentsOf(String username) {
        List<JsonNode> list = new java.util.ArrayList<>();
        api.asAdmin(HttpMethod.GET, "/api/people/" + username + "/enrolments", null).body().forEach(list::add);
        return list;
    }

    @Test
    void theCycleEnrolsWhoseTrainingExpiresWithinTheLeadTimeAsTheTableDecidesAndReportsWhy() throws Exception {
        clockAt(now);
        long course = course("ELEARNING", true);
        assertThat(autoEnrol(course, Map.of("enabled", true, "leadDays", 30)).status()).isEqualTo(200);
        String due = fixtures.learner();
        String later = fixtures.learner();
        String optedOut = fixtures.learner();
        String subcontractor = fixtures.learner(Map.of("employmentType", "SUBCONTRACTOR"));
        String renewed = fixtures.learner();
        record(due, course, now.plus(Duration.ofDays(20)));
        record(later, course, now.plus(Duration.ofDays(40)));
        record(optedOut, course, now.plus(Duration.ofDays(10)));
        record(subcontractor, course, now.plus(Duration.ofDays(10)));
        record(renewed, course, now.plus(Duration.ofDays(5)));
        record(renewed, course, now.plus(Duration.ofDays(300)));
        String lifelong = fixtures.learner();
        record(lifelong, course, now.plus(Duration.ofDays(5)));
        assertThat(api.asAdmin(HttpMethod.POST, "/api/training-records", Map.of("username", lifelong, "courseId", course,
                "completedAt", now.minus(Duration.ofDays(1)).toString())).status()).as("a record that never expires")
                .isEqualTo(201);
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/people/" + optedOut + "/auto-enrol", Map.of("enabled", false))
                .status()).isEqualTo(200);

        JsonNode run = runAndWait();

        assertThat(countsOf(run, course)).containsOnly(Map.entry("Training expiring", 1), Map.entry("Opted out", 1),
                Map.entry("Sub-contractors not included", 1));
        assertThat(run.get("enrolled").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode enrolment = enrolmentsOf(due).get(0);
        assertThat(enrolment.get("status").asText()).isEqualTo("ENROLLED");
        assertThat(enrolment.get("sources").toString()).isEqualTo("[\"AUTO\"]");
        assertThat(enrolment.get("method").asText())
                .isEqualTo("Automatic, " + now.atZone(ZoneId.of("Europe/London")).toLocalDate());
        assertThat(enrolmentsOf(later)).isEmpty();
        assertThat(enrolmentsOf(optedOut)).isEmpty();
        assertThat(enrolmentsOf(subcontractor)).isEmpty();
        assertThat(enrolmentsOf(renewed)).isEmpty();
        assertThat(enrolmentsOf(lifelong)).isEmpty();
        assertThat(Mailbox.awaitSubjects(due + "@example.org", 1)).singleElement()
                .satisfies(subject -> assertThat(subject).startsWith("You are enrolled"));

        JsonNode again = runAndWait();

        assertThat(countsOf(again, course)).containsOnly(Map.entry("Already enrolled", 1), Map.entry("Opted out", 1),
                Map.entry("Sub-contractors not included", 1));
        assertThat(jdbc.queryForObject("select count(*) from enrolment where course_id = ?", Long.class, course))
                .isEqualTo(1);
        Thread.sleep(3000); // the outbox is drained every 2 s: a second mail would be out by now
        assertThat(Mailbox.subjectsTo(due + "@example.org")).hasSize(1);
    }

    @Test
    void subcontractorsAndOptionalCoursesAreEnrolledWhenTheCourseIncludesThem() {
        clockAt(now);
        long optional = course("ELEARNING", false);
        autoEnrol(optional, Map.of("enabled", true, "includeSubcontractors", true, "includeOptional", true));
        String subcontractor = fixtures.learner(Map.of("employmentType", "SUBCONTRACTOR"));
        record(subcontractor, optional, now.plus(Duration.ofDays(3)));
        long optionalOnlyRequired = course("ELEARNING", false);
        autoEnrol(optionalOnlyRequired, Map.of("enabled", true));
        String employee = fixtures.learner();
        record(employee, optionalOnlyRequired, now.plus(Duration.ofDays(3)));

        JsonNode run = runAndWait();

        assertThat(countsOf(run, optional)).containsOnly(Map.entry("Training expiring", 1));
        assertThat(countsOf(run, optionalOnlyRequired)).containsOnly(Map.entry("Optional course not included", 1));
        assertThat(enrolmentsOf(subcontractor)).hasSize(1);
        assertThat(enrolmentsOf(employee)).isEmpty();
    }

    @Test
    void missingTrainingIsEnrolledOnlyWithTheSwitchOnAndAtOnceWhenAJobRoleIsAssigned() {
        clockAt(now);
        long course = course("ELEARNING", true);
        autoEnrol(course, Map.of("enabled", true));
        String role = Api.unique("Welder");
        String before = fixtures.learner(Map.of("jobRole", role));
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/job-roles/" + role + "/requirements",
                Map.of("courseIds", List.of(course))).status()).isEqualTo(200);
        assertThat(enrolmentsOf(before)).as("switch off: missing training is not enrolled").isEmpty();
        assertThat(countsOf(runAndWait(), course)).doesNotContainKey("Missing training");

        assertThat(api.asAdmin(HttpMethod.PUT, "/api/settings/auto-enrol", Map.of("missingTraining", true)).status())
                .isEqualTo(200);
        String assigned = fixtures.learner();
        Map<String, Object> profile = new HashMap<>(Map.of("name", "Assigned", "email", assigned + "@example.org",
                "employmentType", "EMPLOYEE", "timeZone", "Europe/London", "jobRole", role));
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/people/" + assigned, profile).status()).isEqualTo(200);
        assertThat(enrolmentsOf(assigned)).as("the role was assigned: enrolled at once").singleElement()
                .satisfies(e -> assertThat(e.get("sources").toString()).contains("AUTO"));

        String holder = fixtures.learner(Map.of("jobRole", role + "-b"));
        api.asAdmin(HttpMethod.PUT, "/api/job-roles/" + role + "-b/requirements", Map.of("courseIds", List.of(course)));
        assertThat(enrolmentsOf(holder)).as("the role got the requirement: its holders are enrolled").hasSize(1);

        assertThat(countsOf(runAndWait(), course)).containsEntry("Missing training", 1)
                .containsEntry("Already enrolled", 2);
        assertThat(enrolmentsOf(before)).hasSize(1);
    }

    @Test
    void aCourseThatFailsHalfWayLeavesNothingAndItsRetryCountsOnce() {
        clockAt(now);
        long course = course("ILT", true);
        autoEnrol(course, Map.of("enabled", true));
        String due = fixtures.learner();
        record(due, course, now.plus(Duration.ofDays(1)));
        AutoEnrolSettings.CourseSettings courseSettings = settings.course(course);
        assertThat(cycle.plan("run-crash", List.of(courseSettings), now)).as("candidates read when the run is planned")
                .isEqualTo(1);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            cycle.enrolCourse("run-crash", courseSettings, now, AutoEnrolCycle.Scope.EVERYONE);
            throw new IllegalStateException("the node died");
        })).hasMessageContaining("the node died");
        assertThat(enrolmentsOf(due)).isEmpty();
        assertThat(cycle.report("run-crash")).isEmpty();

        cycle.enrolCourse("run-crash", courseSettings, now, AutoEnrolCycle.Scope.EVERYONE);

        assertThat(enrolmentsOf(due)).hasSize(1);
        assertThat(cycle.report("run-crash")).extracting(AutoEnrolCycle.Count::reason, AutoEnrolCycle.Count::people)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Training expiring", 1));
        assertThat(jdbc.queryForObject("select count(*) from auto_enrol_candidate where batch_id = 'run-crash'",
                Long.class)).as("the step consumed its candidates").isZero();

        // a run later the same day plans again and finds the person enrolled
        cycle.plan("run-again", List.of(courseSettings), now);
        cycle.enrolCourse("run-again", courseSettings, now, AutoEnrolCycle.Scope.EVERYONE);
        assertThat(enrolmentsOf(due)).hasSize(1);
        assertThat(cycle.report("run-again")).extracting(AutoEnrolCycle.Count::reason, AutoEnrolCycle.Count::people)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Already enrolled", 1));
    }

    @Test
    void aRunReadsAllItsCoursesInOnePassEachWithItsOwnLeadTime() {
        clockAt(now);
        long shortLead = course("ELEARNING", true);
        long longLead = course("ELEARNING", true);
        autoEnrol(shortLead, Map.of("enabled", true, "leadDays", 10));
        autoEnrol(longLead, Map.of("enabled", true, "leadDays", 40));
        String learner = fixtures.learner();
        record(learner, shortLead, now.plus(Duration.ofDays(20)));
        record(learner, longLead, now.plus(Duration.ofDays(20)));
        List<AutoEnrolSettings.CourseSettings> courses = List.of(settings.course(shortLead), settings.course(longLead));

        assertThat(cycle.plan("run-leads", courses, now)).as("due within 40 days, not within 10").isEqualTo(1);
        courses.forEach(course -> cycle.enrolCourse("run-leads", course, now, AutoEnrolCycle.Scope.EVERYONE));

        assertThat(enrolmentsOf(learner)).extracting(e -> e.get("courseId").asLong()).containsExactly(longLead);
        assertThat(cycle.report("run-leads")).extracting(AutoEnrolCycle.Count::courseId, AutoEnrolCycle.Count::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(longLead, "Training expiring"));
    }

    @Test
    void theNightlyTimerIsDueAtMidnightInTheOrganisationsZoneAndStartsARun() {
        managementService.activateJobById(nightlyTimer().getId());
        Job timer = nightlyTimer();
        ZonedDateTime due = timer.getDuedate().toInstant().atZone(ZoneId.of("Europe/London"));
        // other tests move the clock, so the timer may already have fired for later nights: midnight all the same
        assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);

        clockAt(timer.getDuedate().toInstant());
        long before = runs();
        managementService.executeJob(timer.getId());

        assertThat(runs()).isEqualTo(before + 1);
        assertThat(nightlyTimer().getDuedate().toInstant()).isEqualTo(due.plusDays(1).toInstant());
    }

    private long runs() {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AutoEnrolCycleProcess.KEY)
                .count();
    }

    @Test
    void cancellingAnAutomaticEnrolmentIsRefusedWhileInProgressAndAPersonReadsOnlyTheirOwn() {
        long course = course("ELEARNING", true);
        String learner = fixtures.learner();
        String other = fixtures.learner();
        long personId = people.get(learner).getId();
        long started = enrolments.enrol(personId, course, io.muster.enrolment.EnrolmentSource.AUTO, "auto-enrol").getId();
        enrolments.recordProgress(personId, course, 30);

        Api.Response refused = api.asAdmin(HttpMethod.POST, "/api/enrolments/" + started + "/cancel", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("in progress");

        long notStarted = enrolments.enrol(personId, course("ELEARNING", true),
                io.muster.enrolment.EnrolmentSource.AUTO, "auto-enrol").getId();
        Api.Response cancelled = api.asAdmin(HttpMethod.POST, "/api/enrolments/" + notStarted + "/cancel", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.post(learner, Api.passwordOf(learner), "/api/enrolments/" + notStarted + "/cancel", null)
                .status()).isEqualTo(403);

        assertThat(api.get(learner, Api.passwordOf(learner), "/api/people/" + learner + "/enrolments").body())
                .hasSize(2);
        Api.Response foreign = api.get(other, Api.passwordOf(other), "/api/people/" + learner + "/enrolments");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long course = course("ELEARNING", true);
        String learner = fixtures.learner();

        Api.Response lead = autoEnrol(course, Map.of("enabled", true, "leadDays", 0));
        assertThat(lead.status()).isEqualTo(400);
        assertThat(lead.contentType()).startsWith("application/problem+json");
        assertThat(lead.body().get("errors").get(0).get("field").asText()).isEqualTo("leadDays");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/courses/" + course + "/auto-enrol", null).body()
                .get("enabled").asBoolean()).isFalse();
        assertThat(autoEnrol(course + 100_000, Map.of("enabled", true)).status()).isEqualTo(404);

        Api.Response unknownPerson = api.asAdmin(HttpMethod.POST, "/api/training-records", Map.of("username", "nobody-"
                + learner, "courseId", course, "completedAt", "2025-01-01T00:00:00Z"));
        assertThat(unknownPerson.status()).isEqualTo(400);
        assertThat(unknownPerson.body().get("errors").get(0).get("field").asText()).isEqualTo("username");
        Api.Response backwards = api.asAdmin(HttpMethod.POST, "/api/training-records", Map.of("username", learner,
                "courseId", course, "completedAt", "2025-01-01T00:00:00Z", "expiresAt", "2024-01-01T00:00:00Z"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/people/" + learner + "/training-records", null).body()).isEmpty();

        String role = Api.unique("Role");
        Api.Response unknownCourse = api.asAdmin(HttpMethod.PUT, "/api/job-roles/" + role + "/requirements",
                Map.of("courseIds", List.of(course, course + 100_000)));
        assertThat(unknownCourse.status()).isEqualTo(400);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/job-roles/" + role + "/requirements", null).body()
                .get("courseIds")).isEmpty();

        assertThat(api.put(learner, Api.passwordOf(learner), "/api/settings/auto-enrol", Map.of("missingTraining", true))
                .status()).isEqualTo(403);
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/settings/auto-enrol", Map.of()).status()).isEqualTo(400);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/settings/auto-enrol", null).body().get("missingTraining")
                .asBoolean()).isFalse();
        assertThat(api.asAdmin(HttpMethod.GET, "/api/auto-enrol/runs/no-such-run", null).status()).isEqualTo(404);
    }
}
