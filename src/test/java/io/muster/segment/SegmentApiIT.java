package io.muster.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.muster.security.MusterGroups;
import io.muster.support.Api;
import io.muster.support.Fixtures;
import io.muster.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

@IntegrationTest
class SegmentApiIT {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired SegmentRepository segments;

    private List<String> members(long segmentId) {
        Api.Response r = api.asAdmin(HttpMethod.GET, "/api/segments/" + segmentId + "/members?limit=1000", null);
        assertThat(r.status()).isEqualTo(200);
        List<String> usernames = new java.util.ArrayList<>();
        r.body().forEach(u -> usernames.add(u.asText()));
        assertThat(r.headers().getFirst("X-Total-Count")).isEqualTo(Integer.toString(usernames.size()));
        return usernames;
    }

    @Test
    void aPersonMatchesWhenEveryNamedFieldHasOneOfItsValuesCustomFieldsToo() {
        String ops = Api.unique("Ops");
        String site = Api.unique("site");
        String inLeeds = fixtures.learner(Map.of("department", ops, "location", "Leeds", "profileFields", Map.of(site, "North")));
        String inYork = fixtures.learner(Map.of("department", ops, "location", "York", "profileFields", Map.of(site, "North")));
        fixtures.learner(Map.of("department", ops, "location", "London", "profileFields", Map.of(site, "North")));
        fixtures.learner(Map.of("department", ops, "location", "Leeds", "profileFields", Map.of(site, "South")));
        fixtures.learner(Map.of("department", ops, "location", "Leeds"));
        fixtures.learner(Map.of("department", "Sales", "location", "Leeds", "profileFields", Map.of(site, "North")));

        Api.Response created = api.asAdmin(HttpMethod.POST, "/api/segments", Map.of("name", Api.unique("North Ops "),
                "rule", Map.of("department", List.of(ops), "location", List.of("Leeds", "York"), site, List.of("North"))));

        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.headers().getLocation()).hasPath("/api/segments/" + id);
        assertThat(created.body().get("memberCount").asLong()).isEqualTo(2);
        assertThat(created.body().get("rule").get("location").toString()).isEqualTo("[\"Leeds\",\"York\"]");
        assertThat(members(id)).containsExactlyInAnyOrder(inLeeds, inYork);
        JsonNode listed = findListed(id);
        assertThat(listed.get("memberCount").asLong()).isEqualTo(2);
    }

    private JsonNode findListed(long id) {
        Api.Response all = api.asAdmin(HttpMethod.GET, "/api/segments", null);
        assertThat(all.status()).isEqualTo(200);
        for (JsonNode s : all.body()) {
            if (s.get("id").asLong() == id) {
                return s;
            }
        }
        throw new AssertionError("segment " + id + " not listed");
    }

    @Test
    void membershipFollowsTheProfileAsItChanges() {
        String ops = Api.unique("Ops");
        long segment = fixtures.segment(Map.of("department", List.of(ops), "employmentType", List.of("EMPLOYEE")));
        String person = fixtures.learner(Map.of("department", "Sales"));
        assertThat(members(segment)).isEmpty();

        fixtures.profile(person, Map.of("department", ops));
        assertThat(members(segment)).containsExactly(person);

        fixtures.profile(person, Map.of("department", ops, "employmentType", "SUBCONTRACTOR"));
        assertThat(members(segment)).isEmpty();

        String newcomer = fixtures.learner(Map.of("department", ops));
        assertThat(members(segment)).containsExactly(newcomer);
    }

    @Test
    void membershipFollowsCustomProfileFieldsAsTheyChange() {
        String site = Api.unique("site");
        String person = fixtures.learner(Map.of("profileFields", Map.of(site, "South")));
        long segment = fixtures.segment(Map.of(site, List.of("North")));
        assertThat(members(segment)).isEmpty();

        fixtures.profile(person, Map.of("profileFields", Map.of(site, "North")));
        assertThat(members(segment)).containsExactly(person);

        fixtures.profile(person, Map.of("profileFields", Map.of()));
        assertThat(members(segment)).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        Map<String, Object> cases = Map.of(
                "name", Map.of("name", " ", "rule", Map.of("department", List.of("Ops"))),
                "rule", Map.of("name", Api.unique("Empty "), "rule", Map.of()),
                "rule[department]", Map.of("name", Api.unique("NoValues "), "rule", Map.of("department", List.of())),
                "rule.employmentType", Map.of("name", Api.unique("Pirates "), "rule", Map.of("employmentType", List.of("PIRATE"))),
                "rule.departmnet", Map.of("name", Api.unique("Typo "), "rule", Map.of("departmnet", List.of("Ops"))));
        long before = segments.count();
        cases.forEach((field, body) -> {
            Api.Response r = api.asAdmin(HttpMethod.POST, "/api/segments", body);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.contentType()).as(field).startsWith("application/problem+json");
            assertThat(r.text()).as(field).contains("\"field\":\"" + field + "\"");
        });
        assertThat(segments.count()).isEqualTo(before);
    }

    @Test
    void aTakenNameIsAConflict() {
        String name = Api.unique("Twin ");
        Map<String, Object> body = Map.of("name", name, "rule", Map.of("location", List.of(Api.unique("York"))));
        assertThat(api.asAdmin(HttpMethod.POST, "/api/segments", body).status()).isEqualTo(201);
        Api.Response again = api.asAdmin(HttpMethod.POST, "/api/segments", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("\"field\":\"name\"");
    }

    @Test
    void onlyAssignmentOnlyCoursesAreLinkedAndAnUnlinkedCourseIsGone() {
        long segment = fixtures.segment(Map.of("department", List.of(Api.unique("Ops"))));
        long assigned = fixtures.course("ASSIGNMENT_ONLY");
        long self = fixtures.course("SELF");

        Api.Response linked = api.asAdmin(HttpMethod.POST, "/api/segments/" + segment + "/courses", Map.of("courseId", assigned));
        assertThat(linked.status()).isEqualTo(201);
        assertThat(linked.body().get("courses").get(0).get("courseId").asLong()).isEqualTo(assigned);
        assertThat(linked.body().get("courses").get(0).get("linkedBy").asText()).isEqualTo(Api.ADMIN);

        Api.Response selfEnrolment = api.asAdmin(HttpMethod.POST, "/api/segments/" + segment + "/courses", Map.of("courseId", self));
        assertThat(selfEnrolment.status()).isEqualTo(409);
        assertThat(selfEnrolment.contentType()).startsWith("application/problem+json");
        assertThat(selfEnrolment.body().get("detail").asText()).contains("ASSIGNMENT_ONLY");
        Api.Response twice = api.asAdmin(HttpMethod.POST, "/api/segments/" + segment + "/courses", Map.of("courseId", assigned));
        assertThat(twice.status()).isEqualTo(409);
        Api.Response unknown = api.asAdmin(HttpMethod.POST, "/api/segments/" + segment + "/courses", Map.of("courseId", 999_999_999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("\"field\":\"courseId\"");
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body().get("courses")).hasSize(1);

        assertThat(api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment + "/courses/" + assigned, null).status())
                .isEqualTo(204);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body().get("courses")).isEmpty();
        Api.Response again = api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment + "/courses/" + assigned, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aLinkedCourseStaysAssignmentOnlyUntilItIsUnlinked() {
        long segment = fixtures.segment(Map.of("department", List.of(Api.unique("Ops"))));
        long course = fixtures.course("ASSIGNMENT_ONLY");
        api.asAdmin(HttpMethod.POST, "/api/segments/" + segment + "/courses", Map.of("courseId", course));
        JsonNode stored = api.asAdmin(HttpMethod.GET, "/api/courses/" + course, null).body();
        Map<String, Object> toSelf = Map.of("code", stored.get("code").asText(), "title", "Now self-enrolled",
                "kind", "ILT", "required", false, "enrolmentMethod", "SELF");

        Api.Response refused = api.asAdmin(HttpMethod.PUT, "/api/courses/" + course, toSelf);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("\"field\":\"enrolmentMethod\"").contains("unlink it first");
        JsonNode unchanged = api.asAdmin(HttpMethod.GET, "/api/courses/" + course, null).body();
        assertThat(unchanged.get("enrolmentMethod").asText()).isEqualTo("ASSIGNMENT_ONLY");
        assertThat(unchanged.get("title").asText()).isEqualTo(stored.get("title").asText());

        api.asAdmin(HttpMethod.DELETE, "/api/segments/" + segment + "/courses/" + course, null);
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/courses/" + course, toSelf).status()).isEqualTo(200);
    }

    @Test
    void segmentsAreForAdminsOnly() {
        String learner = fixtures.learner();
        long segment = fixtures.segment(Map.of("location", List.of(Api.unique("Leeds"))));
        assertThat(api.get(learner, Api.passwordOf(learner), "/api/segments/" + segment).status()).isEqualTo(403);
        assertThat(api.post(learner, Api.passwordOf(learner), "/api/segments",
                Map.of("name", Api.unique("Mine "), "rule", Map.of("location", List.of(Api.unique("Leeds"))))).status())
                .isEqualTo(403);
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/999999999", null).status()).isEqualTo(404);
    }

    @Test
    void anUpdateRenamesAndReplacesTheRuleAndMembershipFollowsAtOnce() {
        String ops = Api.unique("Ops");
        String sales = Api.unique("Sales");
        String inOps = fixtures.learner(Map.of("department", ops));
        String inSales = fixtures.learner(Map.of("department", sales));
        long segment = fixtures.segment(Map.of("department", List.of(ops)));
        String name = Api.unique("Renamed ");

        Api.Response updated = api.asAdmin(HttpMethod.PUT, "/api/segments/" + segment,
                Map.of("name", name, "rule", Map.of("department", List.of(sales))));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("name").asText()).isEqualTo(name);
        assertThat(updated.body().get("rule").toString()).isEqualTo("{\"department\":[\"" + sales + "\"]}");
        assertThat(updated.body().get("memberCount").asLong()).isEqualTo(1);
        assertThat(members(segment)).containsExactly(inSales).doesNotContain(inOps);
        // keeping its own name is no conflict
        assertThat(api.asAdmin(HttpMethod.PUT, "/api/segments/" + segment,
                Map.of("name", name, "rule", Map.of("department", List.of(ops, sales)))).status()).isEqualTo(200);
        assertThat(members(segment)).containsExactlyInAnyOrder(inOps, inSales);
    }

    @Test
    void aCustomFieldTheRuleNamesStaysUsableWhenNobodyHoldsItAnyMore() {
        String site = Api.unique("site");
        String person = fixtures.learner(Map.of("profileFields", Map.of(site, "North")));
        long segment = fixtures.segment(Map.of(site, List.of("North")));
        fixtures.profile(person, Map.of());

        Api.Response updated = api.asAdmin(HttpMethod.PUT, "/api/segments/" + segment,
                Map.of("name", Api.unique("Sites "), "rule", Map.of(site, List.of("North", "South"))));

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("memberCount").asLong()).isZero();
    }

    @Test
    void aBadUpdateIsRefusedNamingTheFieldAndChangesNothing() {
        String ops = Api.unique("Ops");
        String member = fixtures.learner(Map.of("department", ops));
        fixtures.learner(Map.of("department", "Sales"));
        String name = Api.unique("Kept ");
        long segment = api.asAdmin(HttpMethod.POST, "/api/segments",
                Map.of("name", name, "rule", Map.of("department", List.of(ops)))).body().get("id").asLong();
        String taken = Api.unique("Taken ");
        api.asAdmin(HttpMethod.POST, "/api/segments", Map.of("name", taken, "rule", Map.of("department", List.of(ops))));
        JsonNode before = api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body();
        Map<String, Object> broad = Map.of("department", List.of("Sales"));
        record Case(Map<String, Object> body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case(Map.of("name", " ", "rule", broad), 400, "name"),
                new Case(Map.of("name", name, "rule", Map.of()), 400, "rule"),
                new Case(Map.of("name", name, "rule", Map.of("department", List.of())), 400, "rule[department]"),
                new Case(Map.of("name", name, "rule", Map.of("departmnet", List.of("Sales"))), 400, "rule.departmnet"),
                new Case(Map.of("name", name, "rule", Map.of("employmentType", List.of("PIRATE"))), 400,
                        "rule.employmentType"),
                new Case(Map.of("name", taken, "rule", broad), 409, "name"));
        for (Case c : cases) {
            Api.Response r = api.asAdmin(HttpMethod.PUT, "/api/segments/" + segment, c.body());
            assertThat(r.status()).as(c.field()).isEqualTo(c.status());
            assertThat(r.contentType()).as(c.field()).startsWith("application/problem+json");
            assertThat(r.text()).as(c.field()).contains("\"field\":\"" + c.field() + "\"");
        }
        assertThat(api.asAdmin(HttpMethod.GET, "/api/segments/" + segment, null).body()).isEqualTo(before);
        assertThat(members(segment)).containsExactly(member);
        Api.Response unknown = api.asAdmin(HttpMethod.PUT, "/api/segments/999999999",
                Map.of("name", Api.unique("Ghost "), "rule", broad));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyAdminsChangeOrDeleteASegmentNotLearnersNorEnrolmentManagers() {
        String ops = Api.unique("Ops");
        String member = fixtures.learner(Map.of("department", ops));
        long segment = fixtures.segment(Map.of("department", List.of(ops)));
        String manager = api.createPerson(Api.unique("enrolmgr"), MusterGroups.ENROLMENT_MANAGERS, Map.of());
        Map<String, Object> body = Map.of("name", Api.unique("Mine "), "rule", Map.of("department", List.of("Sales")));

        for (String user : List.of(member, manager)) {
            assertThat(api.put(user, Api.passwordOf(user), "/api/segments/" + segment, body).status()).as(user)
                    .isEqualTo(403);
            assertThat(api.delete(user, Api.passwordOf(user), "/api/segments/" + segment).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(members(segment)).containsExactly(member);
    }
}
