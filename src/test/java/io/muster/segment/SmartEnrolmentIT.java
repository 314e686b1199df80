package io.muster.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.muster.enrolment.Enrolment;
import io.muster.enrolment.EnrolmentService;
import io.muster.enrolment.EnrolmentSource;
import io.muster.enrolment.EnrolmentStatus;
import io.muster.people.PeopleService;
import io.muster.people.PersonLock;
import io.muster.support.Api;
import io.muster.support.Concurrently;
import io.muster.support.Fixtures;
import io.muster.support.HeldTransaction;
import io.muster.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seed 002 on PostgreSQL, through the API and the smart-enrolment process as it runs in the job
 * executor. Chunks are 2 people here (see IntegrationTest), so linking and unlinking a segment of
 * a few people already runs several chunks.
 */
@IntegrationTest
class SmartEnrolmentIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired PeopleService people;
    @Autowired EnrolmentService enrolments;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired SegmentLinks links;
    @Autowired SmartEnrolments smart;
    @Autowired SegmentMembership membership;
    @Autowired PersonLock personLock;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    /** Waits until every smart-enrolment run has ended; a failing step fails the test at once. */
    private void settle() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> running() == 0 || failing() > 0);
        assertThat(failing()).as("failing smart-enrolment jobs").isZero();
        assertThat(running()).isZero();
    }

    private long running() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(SmartEnrolmentProcess.KEY).count();
    }

    private long failing() {
        return management.createJobQuery().processDefinitionKey(SmartEnrolmentProcess.KEY).withException().count();
    }

    private long id(String username) {
        return people.get(username).getId();
    }

    private long course() {
        return fixtures.course("ASSIGNMENT_ONLY");
    }

    private void link(long segment, long course) {
        assertThat(api.asAdmin(HttpMethod.POST, "/api/segments/" + segment + "/courses", Map.of("courseId", course))
                .status()).isEqualTo(201);
        settle();
    }

    private void unlink(long segment, long course) {
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment + "/courses/" + course, null).status())
                .isEqualTo(204);
        settle();
    }

    /** A new profile for the person (the whole profile: fields not given are cleared). */
    private void move(String username, Map<String, Object> profile) {
        fixtures.profile(username, profile);
        settle();
    }

    private void move(String username, String department) {
        move(username, Map.of("department", department));
    }

    private Enrolment enrolment(String username, long course) {
        return enrolments.find(id(username), course).orElseThrow(() -> new AssertionError("no enrolment"));
    }

    private EnrolmentStatus status(String username, long course) {
        return enrolment(username, course).getStatus();
    }

    @Test
    void linkingACourseEnrolsEveryMemberInChunksAndNobodyElse() {
        String dept = Api.unique("Ops");
        List<String> members = List.of(fixtures.learner(Map.of("department", dept)),
                fixtures.learner(Map.of("department", dept)), fixtures.learner(Map.of("department", dept)),
                fixtures.learner(Map.of("department", dept)), fixtures.learner(Map.of("department", dept)));
        String outsider = fixtures.learner(Map.of("department", Api.unique("Sales")));
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();

        link(segment, course);

        for (String member : members) {
            Enrolment e = enrolment(member, course);
            assertThat(e.getStatus()).isEqualTo(EnrolmentStatus.ENROLLED);
            assertThat(e.getSources()).containsExactly("SEGMENT:" + segment);
            assertThat(e.getMethodLabel()).startsWith("Smart, ");
        }
        assertThat(enrolments.find(id(outsider), course)).isEmpty();
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("segment-" + segment + "-course-" + course).singleResult();
        assertThat(run.getEndActivityId()).isEqualTo(SmartEnrolmentProcess.END_MEMBERS_ENROLLED);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId(SmartEnrolmentProcess.SERVICE_ENROL_MEMBERS).count()).isEqualTo(3);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(SmartEnrolmentProcess.ENROLLED.name()).singleResult().getValue()).isEqualTo(5);
    }

    @Test
    void joiningEnrolsLeavingUnenrolsWithProgressKeptAndRejoiningResumes() {
        String dept = Api.unique("Ops");
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        long secondCourse = course();
        link(segment, course);
        link(segment, secondCourse);
        String person = fixtures.learner(Map.of("department", Api.unique("Sales")));

        move(person, dept);
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(status(person, secondCourse)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("person-" + id(person)).count()).isEqualTo(1);
        enrolments.recordProgress(id(person), course, 40);

        move(person, Api.unique("Sales"));
        Enrolment left = enrolment(person, course);
        assertThat(left.getStatus()).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(left.getProgress()).isEqualTo(40);
        assertThat(left.getSources()).isEmpty();
        assertThat(status(person, secondCourse)).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(enrolments.archivedCompletionsOf(id(person))).isEmpty();

        move(person, dept);
        Enrolment back = enrolment(person, course);
        assertThat(back.getId()).isEqualTo(left.getId());
        assertThat(back.getStatus()).isEqualTo(EnrolmentStatus.IN_PROGRESS);
        assertThat(back.getProgress()).isEqualTo(40);
        assertThat(back.getSources()).containsExactly("SEGMENT:" + segment);
    }

    @Test
    void aNewPersonWhoMatchesIsEnrolledAtOnce() {
        String dept = Api.unique("Ops");
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        link(segment, course);

        String newcomer = fixtures.learner(Map.of("department", dept));
        settle();

        assertThat(status(newcomer, course)).isEqualTo(EnrolmentStatus.ENROLLED);
    }

    @Test
    void aPersonInTwoSegmentsGetsTheCoursesOfBoth() {
        String dept = Api.unique("Ops");
        String site = Api.unique("Leeds");
        long byDepartment = fixtures.segment(Map.of("department", List.of(dept)));
        long byLocation = fixtures.segment(Map.of("location", List.of(site)));
        long fire = course();
        long firstAid = course();
        link(byDepartment, fire);
        link(byLocation, firstAid);

        String person = fixtures.learner(Map.of("department", dept, "location", site));
        settle();

        assertThat(enrolment(person, fire).getSources()).containsExactly("SEGMENT:" + byDepartment);
        assertThat(enrolment(person, firstAid).getSources()).containsExactly("SEGMENT:" + byLocation);
        assertThat(enrolments.enrolmentsOf(id(person))).hasSize(2);
    }

    @Test
    void aCourseLinkedFromTwoSegmentsStaysWhileOneRemains() {
        String dept = Api.unique("Ops");
        String site = Api.unique("Leeds");
        long byDepartment = fixtures.segment(Map.of("department", List.of(dept)));
        long byLocation = fixtures.segment(Map.of("location", List.of(site)));
        long course = course();
        link(byDepartment, course);
        link(byLocation, course);
        String person = fixtures.learner(Map.of("department", dept, "location", site));
        settle();
        assertThat(enrolment(person, course).getSources())
                .containsExactlyInAnyOrder("SEGMENT:" + byDepartment, "SEGMENT:" + byLocation);

        move(person, Map.of("department", Api.unique("Sales"), "location", site));
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolment(person, course).getSources()).containsExactly("SEGMENT:" + byLocation);

        unlink(byLocation, course);
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.UNENROLLED);
    }

    @Test
    void aManualEnrolmentMadeBeforeIsUntouchedByJoiningLeavingAndUnlinking() {
        String dept = Api.unique("Ops");
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        link(segment, course);
        String person = fixtures.learner(Map.of("department", Api.unique("Sales")));
        Enrolment manual = enrolments.enrol(id(person), course, EnrolmentSource.MANUAL, Api.ADMIN);

        move(person, dept);
        Enrolment both = enrolment(person, course);
        assertThat(both.getId()).isEqualTo(manual.getId());
        assertThat(both.getSources()).containsExactlyInAnyOrder("MANUAL", "SEGMENT:" + segment);
        assertThat(both.getMethodLabel()).isEqualTo(manual.getMethodLabel());

        move(person, Api.unique("Sales"));
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolment(person, course).getSources()).containsExactly("MANUAL");

        move(person, dept);
        unlink(segment, course);
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolment(person, course).getSources()).containsExactly("MANUAL");
    }

    @Test
    void aSmartEnrolmentCannotBeEndedByHandInProgressOrNot() {
        String dept = Api.unique("Ops");
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        String person = fixtures.learner(Map.of("department", dept));
        link(segment, course);
        long enrolmentId = enrolment(person, course).getId();

        Api.Response refused = api.asAdmin(HttpMethod.POST, "/api/enrolments/" + enrolmentId + "/cancel", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("change the segment or unlink the course");
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.ENROLLED);

        enrolments.recordProgress(id(person), course, 30);
        Api.Response inProgress = api.asAdmin(HttpMethod.POST, "/api/enrolments/" + enrolmentId + "/cancel", null);
        assertThat(inProgress.status()).isEqualTo(409);
        assertThat(inProgress.body().get("detail").asText()).contains("change the segment or unlink the course");
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.IN_PROGRESS);

        // the person sees how it was made
        com.fasterxml.jackson.databind.JsonNode mine = api.get(person, Api.passwordOf(person),
                "/api/people/" + person + "/enrolments").body().get(0);
        assertThat(mine.get("sources").toString()).isEqualTo("[\"SEGMENT:" + segment + "\"]");
        assertThat(mine.get("method").asText()).startsWith("Smart, ");
    }

    @Test
    void aManualEnrolmentOutsideSegmentsIsStillCancelledByHand() {
        String person = fixtures.learner(Map.of("department", Api.unique("Sales")));
        long course = course();
        long enrolmentId = enrolments.enrol(id(person), course, EnrolmentSource.MANUAL, Api.ADMIN).getId();

        assertThat(api.asAdmin(HttpMethod.POST, "/api/enrolments/" + enrolmentId + "/cancel", null).status())
                .isEqualTo(200);
        assertThat(status(person, course)).isEqualTo(EnrolmentStatus.CANCELLED);
    }

    @Test
    void unlinkingUnenrolsEveryoneTheLinkEnrolledAndArchivesTheirCompletions() {
        String dept = Api.unique("Ops");
        List<String> members = List.of(fixtures.learner(Map.of("department", dept)),
                fixtures.learner(Map.of("department", dept)), fixtures.learner(Map.of("department", dept)));
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        link(segment, course);
        enrolments.recordProgress(id(members.get(0)), course, 100);

        unlink(segment, course);

        for (String member : members) {
            Enrolment e = enrolment(member, course);
            assertThat(e.getStatus()).as(member).isEqualTo(EnrolmentStatus.UNENROLLED);
            assertThat(e.getSources()).as(member).isEmpty();
        }
        Enrolment completed = enrolment(members.get(0), course);
        assertThat(completed.getCompletedAt()).isNull();
        assertThat(enrolments.archivedCompletionsOf(id(members.get(0)))).singleElement()
                .satisfies(a -> assertThat(a.courseId()).isEqualTo(course));
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("segment-" + segment + "-course-" + course)
                .finished().orderByProcessInstanceEndTime().desc().list().get(0);
        assertThat(run.getEndActivityId()).isEqualTo(SmartEnrolmentProcess.END_LINK_UNDONE);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId(SmartEnrolmentProcess.SERVICE_UNENROL_UNLINKED).count()).isEqualTo(2);

        // the members stay in the segment: linking again enrols them afresh
        link(segment, course);
        assertThat(status(members.get(0), course)).isEqualTo(EnrolmentStatus.ENROLLED);
    }

    @Test
    void aProfileChangeWhileAnUnlinkIsUnderWayLeavesTheEnrolmentToTheUnlinkWhichArchivesTheCompletion() {
        String dept = Api.unique("Ops");
        String stays = fixtures.learner(Map.of("department", dept, "location", "Leeds"));
        String leaves = fixtures.learner(Map.of("department", dept));
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        link(segment, course);
        enrolments.recordProgress(id(stays), course, 100);
        enrolments.recordProgress(id(leaves), course, 100);

        // the link is gone, its run has not reached these two yet, and both profiles change meanwhile
        links.unlink(segment, course);
        move(stays, Map.of("department", dept, "location", "York"));
        move(leaves, Api.unique("Sales"));
        for (String person : List.of(stays, leaves)) {
            assertThat(enrolment(person, course).getSources()).as(person)
                    .containsExactly(EnrolmentSource.segment(segment).value());
        }

        smart.unenrolUnlinked(segment, course, 0, "unlink run");
        for (String person : List.of(stays, leaves)) {
            Enrolment e = enrolment(person, course);
            assertThat(e.getStatus()).as(person).isEqualTo(EnrolmentStatus.UNENROLLED);
            assertThat(e.getCompletedAt()).as(person).isNull();
            assertThat(enrolments.archivedCompletionsOf(id(person))).as(person).singleElement()
                    .satisfies(a -> assertThat(a.courseId()).isEqualTo(course));
        }
    }

    private void changeRule(long segment, String name, Map<String, List<String>> rule) {
        Api.Response r = api.asAdmin(HttpMethod.PUT, "/api/segments/" + segment, Map.of("name", name, "rule", rule));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        settle();
    }

    @Test
    void changingTheRuleEnrolsWhoJoinsOnEveryLinkedCourseAndUnenrolsWhoLeavesAsAProfileChangeWould() {
        String dept = Api.unique("Ops");
        String other = Api.unique("Sales");
        String site = Api.unique("Leeds");
        String stays = fixtures.learner(Map.of("department", dept, "location", site));
        String leaves = fixtures.learner(Map.of("department", dept));
        String leavesKeepingManual = fixtures.learner(Map.of("department", dept));
        String joins = fixtures.learner(Map.of("department", other, "location", site));
        String outsider = fixtures.learner(Map.of("department", Api.unique("Finance"), "location", site));
        String name = Api.unique("Segment ");
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long fire = course();
        long firstAid = course();
        enrolments.enrol(id(leavesKeepingManual), fire, EnrolmentSource.MANUAL, Api.ADMIN);
        link(segment, fire);
        link(segment, firstAid);
        long staying = enrolment(stays, fire).getId();
        enrolments.recordProgress(id(leaves), fire, 40);

        changeRule(segment, name, Map.of("department", List.of(dept, other), "location", List.of(site)));

        for (long course : List.of(fire, firstAid)) {
            assertThat(enrolment(joins, course).getStatus()).isEqualTo(EnrolmentStatus.ENROLLED);
            assertThat(enrolment(joins, course).getSources()).containsExactly("SEGMENT:" + segment);
            assertThat(status(leaves, course)).isEqualTo(EnrolmentStatus.UNENROLLED);
            assertThat(status(stays, course)).isEqualTo(EnrolmentStatus.ENROLLED);
        }
        assertThat(enrolment(stays, fire).getId()).isEqualTo(staying);
        assertThat(enrolment(leaves, fire).getProgress()).isEqualTo(40);
        assertThat(enrolments.archivedCompletionsOf(id(leaves))).isEmpty();
        assertThat(status(leavesKeepingManual, fire)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolment(leavesKeepingManual, fire).getSources()).containsExactly("MANUAL");
        assertThat(status(leavesKeepingManual, firstAid)).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(enrolments.find(id(outsider), fire)).isEmpty();
        HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("segment-" + segment).singleResult();
        assertThat(run.getEndActivityId()).isEqualTo(SmartEnrolmentProcess.END_SEGMENT_IN_LINE);
        // joins, leaves and leavesKeepingManual are out of line: two chunks of two
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(run.getId())
                .activityId(SmartEnrolmentProcess.SERVICE_ALIGN_PEOPLE).count()).isEqualTo(2);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(SmartEnrolmentProcess.ENROLLED.name()).singleResult().getValue()).isEqualTo(2);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId())
                .variableName(SmartEnrolmentProcess.UNENROLLED.name()).singleResult().getValue()).isEqualTo(3);

        // the old rule again: who left resumes where they were
        changeRule(segment, name, Map.of("department", List.of(dept)));
        assertThat(status(leaves, fire)).isEqualTo(EnrolmentStatus.IN_PROGRESS);
        assertThat(enrolment(leaves, fire).getProgress()).isEqualTo(40);
        assertThat(status(joins, fire)).isEqualTo(EnrolmentStatus.UNENROLLED);
    }

    @Test
    void aRuleChangeWhilePeopleChangeDepartmentLeavesEveryoneInLineWithoutADeadlock() throws Exception {
        String from = Api.unique("Ops");
        String to = Api.unique("Sales");
        List<String> inFrom = new ArrayList<>();
        List<String> inTo = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inFrom.add(fixtures.learner(Map.of("department", from)));
            inTo.add(fixtures.learner(Map.of("department", to)));
        }
        String name = Api.unique("Segment ");
        long segment = fixtures.segment(Map.of("department", List.of(from)));
        long course = course();
        link(segment, course);

        // the rule moves to the other department while half of each side moves across
        List<Callable<Integer>> changes = new ArrayList<>();
        changes.add(() -> api.asAdmin(HttpMethod.PUT, "/api/segments/" + segment,
                Map.of("name", name, "rule", Map.of("department", List.of(to)))).status());
        for (int i = 0; i < 3; i++) {
            String leaving = inFrom.get(i);
            String arriving = inTo.get(i);
            changes.add(() -> { fixtures.profile(leaving, Map.of("department", to)); return 200; });
            changes.add(() -> { fixtures.profile(arriving, Map.of("department", from)); return 200; });
        }
        assertThat(Concurrently.run(changes)).containsOnly(200);
        settle();

        // members now: whoever is in the rule's department, however they got there
        for (int i = 0; i < 6; i++) {
            assertInLine(inFrom.get(i), course, segment, i < 3);
            assertInLine(inTo.get(i), course, segment, i >= 3);
        }
    }

    @Test
    void aRunHoldingItsSegmentLetsAProfileChangeJoinIt() throws Exception {
        String dept = Api.unique("Ops");
        String joins = fixtures.learner(Map.of("department", Api.unique("Sales")));
        long segment = fixtures.segment(Map.of("department", List.of(dept)));

        // a run on the segment holds its row, and goes on to lock the people out of line
        try (HeldTransaction run = HeldTransaction.open(transactions, () -> membership.lockSegment(segment))) {
            // the change holds the person's row while it joins: waiting for the segment's would deadlock the run
            assertThat(CompletableFuture.runAsync(() -> fixtures.profile(joins, Map.of("department", dept))))
                    .succeedsWithin(Duration.ofSeconds(20));
            run.commitAfter(() -> personLock.holdAll(List.of(id(joins))));
        }
        assertThat(membership.membersAmong(segment, List.of(id(joins)))).containsExactly(id(joins));
    }

    @Test
    void aRuleChangeWaitsForAPersonsRunUnderWaySoItsOwnRunSeesWhatThatRunEnrolled() throws Exception {
        String dept = Api.unique("Ops");
        String learner = fixtures.learner(Map.of("department", Api.unique("Sales")));
        long person = id(learner);
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        link(segment, course);
        // the learner joins the segment; their own run, enrolling them, has not committed yet
        new TransactionTemplate(transactions).executeWithoutResult(tx ->
                assertThat(moveWithoutARun(person, dept).joined()).containsExactly(segment));

        ruleChangeTakesBackWhatARunUnderWayEnrolled(() -> smart.enrolPerson(person, "run"), segment, learner, course);
    }

    @Test
    void aRuleChangeWaitsForALinksChunkUnderWaySoItsOwnRunSeesWhomThatChunkEnrolled() throws Exception {
        String dept = Api.unique("Ops");
        String learner = fixtures.learner(Map.of("department", dept));
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        // the course is linked; the first chunk of the link's run enrols the learner, not yet committed
        links.link(segment, course, "admin");

        ruleChangeTakesBackWhatARunUnderWayEnrolled(() -> smart.enrolMembers(segment, course, 0, "run"), segment,
                learner, course);
    }

    @Test
    void deletingASegmentWaitsForAProfileChangeUnderWayThatJoinsItWithoutADeadlock() throws Exception {
        String dept = Api.unique("Ops");
        String joins = fixtures.learner(Map.of("department", Api.unique("Sales")));
        long segment = fixtures.segment(Map.of("department", List.of(dept)));

        Api.Response deleted = whileAProfileChangeJoins(joins, dept,
                () -> api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment, null));

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        assertThat(membership.count(segment)).isZero();
    }

    @Test
    void renamingASegmentWaitsForAProfileChangeUnderWayThatJoinsItThenAppliesTheNewRule() throws Exception {
        String dept = Api.unique("Ops");
        String joins = fixtures.learner(Map.of("department", Api.unique("Sales")));
        long segment = fixtures.segment(Map.of("department", List.of(dept)));

        Api.Response changed = whileAProfileChangeJoins(joins, dept, () -> api.asAdmin(HttpMethod.PUT,
                "/api/segments/" + segment,
                Map.of("name", Api.unique("Segment "), "rule", Map.of("department", List.of(Api.unique("Sales"))))));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(membership.count(segment)).isZero();
    }

    /**
     * Makes the admin's segment change while a profile change is under way: the profile change has
     * taken its share of the membership lock, the segment change comes and waits for it, then the
     * person moves into the department the segment's rule names, joins and commits.
     */
    private Api.Response whileAProfileChangeJoins(String person, String dept, Supplier<Api.Response> segmentChange)
            throws Exception {
        long personId = id(person);
        try (HeldTransaction change = HeldTransaction.open(transactions, () -> membership.follow(personId))) {
            CompletableFuture<Api.Response> answer = CompletableFuture.supplyAsync(segmentChange);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> waitingFor("from segment_membership_lock"));
            change.commitAfter(() -> assertThat(moveWithoutARun(personId, dept).joined()).hasSize(1));
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs a smart-enrolment step that enrols the learner and holds it open; meanwhile the
     * segment's rule changes to one nobody matches. Once the change has answered or waits for a
     * lock, the step commits and the change must succeed; its run must then have seen the
     * step's enrolment and taken it back.
     */
    private void ruleChangeTakesBackWhatARunUnderWayEnrolled(Runnable step, long segment, String learner, long course)
            throws Exception {
        try (HeldTransaction run = HeldTransaction.open(transactions, step)) {
            CompletableFuture<Api.Response> changed = CompletableFuture.supplyAsync(() -> api.asAdmin(HttpMethod.PUT,
                    "/api/segments/" + segment,
                    Map.of("name", Api.unique("Segment "), "rule", Map.of("department", List.of(Api.unique("HR"))))));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> changed.isDone() || waitingFor("from segment_membership_lock"));
            run.commitAfter(() -> { });
            assertThat(changed.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        settle();
        assertThat(status(learner, course)).isEqualTo(EnrolmentStatus.UNENROLLED);
    }

    /** Moves the person to the department and brings their memberships in line, starting no run. */
    private SegmentMembership.Change moveWithoutARun(long personId, String dept) {
        jdbc.update("update person set department = ? where id = ?", dept, personId);
        return membership.follow(personId);
    }

    /** Whether another session waits for a lock in a statement containing the text. */
    private boolean waitingFor(String statement) {
        return jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?", Long.class,
                "%" + statement + "%") > 0;
    }

    private void assertInLine(String person, long course, long segment, boolean member) {
        String source = EnrolmentSource.segment(segment).value();
        if (member) {
            assertThat(status(person, course)).as(person).isEqualTo(EnrolmentStatus.ENROLLED);
            assertThat(enrolment(person, course).getSources()).as(person).containsExactly(source);
        } else {
            enrolments.find(id(person), course).ifPresent(e ->
                    assertThat(e.getStatus()).as(person).isEqualTo(EnrolmentStatus.UNENROLLED));
        }
    }

    @Test
    void changingTheRuleOfASegmentWithoutCoursesStartsNoRun() {
        String dept = Api.unique("Ops");
        fixtures.learner(Map.of("department", dept));
        long segment = fixtures.segment(Map.of("department", List.of(Api.unique("Sales"))));

        changeRule(segment, Api.unique("Segment "), Map.of("department", List.of(dept)));

        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body().get("memberCount").asLong())
                .isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("segment-" + segment).count())
                .isZero();
    }

    @Test
    void deletingASegmentUnenrolsWhomItEnrolledUnlessAnotherSourceKeepsThemAndArchivesCompletions() {
        String dept = Api.unique("Ops");
        String site = Api.unique("Leeds");
        String completed = fixtures.learner(Map.of("department", dept));
        String alsoInAnother = fixtures.learner(Map.of("department", dept, "location", site));
        String manual = fixtures.learner(Map.of("department", dept));
        String name = Api.unique("Segment ");
        long segment = api.asAdmin(HttpMethod.POST, "/api/segments",
                Map.of("name", name, "rule", Map.of("department", List.of(dept)))).body().get("id").asLong();
        long another = fixtures.segment(Map.of("location", List.of(site)));
        long fire = course();
        long firstAid = course();
        enrolments.enrol(id(manual), firstAid, EnrolmentSource.MANUAL, Api.ADMIN);
        link(segment, fire);
        link(segment, firstAid);
        link(another, fire);
        enrolments.recordProgress(id(completed), fire, 100);

        Api.Response deleted = api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment, null);
        assertThat(deleted.status()).isEqualTo(204);
        settle();

        assertThat(status(completed, fire)).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(enrolment(completed, fire).getCompletedAt()).isNull();
        assertThat(enrolments.archivedCompletionsOf(id(completed))).singleElement()
                .satisfies(a -> assertThat(a.courseId()).isEqualTo(fire));
        assertThat(status(completed, firstAid)).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(status(alsoInAnother, fire)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolment(alsoInAnother, fire).getSources()).containsExactly("SEGMENT:" + another);
        assertThat(status(alsoInAnother, firstAid)).isEqualTo(EnrolmentStatus.UNENROLLED);
        assertThat(status(manual, firstAid)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(enrolment(manual, firstAid).getSources()).containsExactly("MANUAL");
        for (long course : List.of(fire, firstAid)) {
            HistoricProcessInstance run = history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey("segment-" + segment + "-course-" + course)
                    .finished().orderByProcessInstanceEndTime().desc().list().get(0);
            assertThat(run.getEndActivityId()).isEqualTo(SmartEnrolmentProcess.END_LINK_UNDONE);
        }
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).status()).isEqualTo(404);
        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment, null).status()).isEqualTo(404);
        // the other segment keeps its link; a course no segment links may self-enrol again; the name is free again
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + another, null).body().get("courses")).hasSize(1);
        String code = api.asAdmin(HttpMethod.GET, "/api/courses/" + firstAid, null).body().get("code").asText();
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/courses/" + firstAid, Map.of("code", code, "title", "Self-enrolled",
                "kind", "ILT", "required", false, "enrolmentMethod", "SELF")).status()).isEqualTo(200);
        assertThat(api.asAdmin(HttpMethod.POST, "/api/segments",
                Map.of("name", name, "rule", Map.of("department", List.of(dept)))).status()).isEqualTo(201);
    }

    @Test
    void aSmartEnrolledLearnerBooksTheSessionsOfTheAssignmentOnlyCourseAndNobodyElseDoes() {
        String dept = Api.unique("Ops");
        long segment = fixtures.segment(Map.of("department", List.of(dept)));
        long course = course();
        long session = fixtures.session(course, 10, false);
        long laterSession = fixtures.session(course, 10, false);
        String member = fixtures.learner(Map.of("department", dept));
        String outsider = fixtures.learner(Map.of("department", Api.unique("Sales")));
        link(segment, course);

        Api.Response booked = fixtures.book(member, session);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("REGISTERED");
        Api.Response refused = fixtures.book(outsider, session);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).isEqualTo("This course is by assignment only");

        // once unenrolled, the course is no longer theirs to book
        assertThat(api.post(member, Api.passwordOf(member), "/api/registrations/" + booked.body().get("id").asLong()
                + "/cancel", Map.of("reason", "moving on")).status()).isEqualTo(200);
        move(member, Api.unique("Sales"));
        assertThat(fixtures.book(member, laterSession).status()).isEqualTo(403);
    }
}
