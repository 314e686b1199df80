package io.muster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.rules.DecisionTables.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Row by row tests of {@code dmn/session-visibility.dmn}. In the tables below a list is written
 * {@code A;B}, {@code ''} is an empty list (open to all) and an empty cell is null.
 */
class SessionVisibilityDecisionTest {

    private static final DmnDecision DECISION = DecisionTables.parse("session-visibility");

    private static final List<String> STATUSES = List.of("DRAFT", "SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                                               | status      | future | department | jobRole  | location | sessionDepartments | sessionJobRoles  | sessionLocations | rule                   | visible | reason
        a draft is not open for booking                                      | DRAFT       | true   | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_not_scheduled     | false   | Session is not open for booking
        a session in progress is not open for booking                        | IN_PROGRESS | true   | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_not_scheduled     | false   | Session is not open for booking
        a completed session is not open for booking                          | COMPLETED   | false  | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_not_scheduled     | false   | Session is not open for booking
        a cancelled session is not open for booking                          | CANCELLED   | true   | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_not_scheduled     | false   | Session is not open for booking
        a session without a status is not open for booking                   |             | true   | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_not_scheduled     | false   | Session is not open for booking
        not scheduled is the first reason given                              | CANCELLED   | false  | Sales      | Engineer | London   | HR                 | Trainer          | York             | rule_not_scheduled     | false   | Session is not open for booking
        a scheduled session that has started is hidden                       | SCHEDULED   | false  | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_already_started   | false   | Session has already started
        a session with an unknown start is hidden                            | SCHEDULED   |        | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_already_started   | false   | Session has already started
        having started is given before any mismatch                          | SCHEDULED   | false  | Sales      | Engineer | London   | HR                 | Trainer          | York             | rule_already_started   | false   | Session has already started
        a session for other departments is hidden                            | SCHEDULED   | true   | Sales      | Engineer | London   | HR;Operations      | ''               | ''               | rule_other_departments | false   | Session is for other departments
        a department mismatch is given before the other mismatches           | SCHEDULED   | true   | Sales      | Engineer | London   | HR                 | Trainer          | York             | rule_other_departments | false   | Session is for other departments
        a person without a department does not match a department list       | SCHEDULED   | true   |            | Engineer | London   | Sales              | ''               | ''               | rule_other_departments | false   | Session is for other departments
        department names must match exactly, case included                   | SCHEDULED   | true   | sales      | Engineer | London   | Sales              | ''               | ''               | rule_other_departments | false   | Session is for other departments
        a session for other job roles is hidden                              | SCHEDULED   | true   | Sales      | Engineer | London   | ''                 | Trainer;Manager  | ''               | rule_other_job_roles   | false   | Session is for other job roles
        a person without a job role does not match a job role list           | SCHEDULED   | true   | Sales      |          | London   | ''                 | Engineer         | ''               | rule_other_job_roles   | false   | Session is for other job roles
        a session for other locations is hidden                              | SCHEDULED   | true   | Sales      | Engineer | London   | ''                 | ''               | Leeds;York       | rule_other_locations   | false   | Session is for other locations
        a person without a location does not match a location list           | SCHEDULED   | true   | Sales      | Engineer |          | ''                 | ''               | London           | rule_other_locations   | false   | Session is for other locations
        lists combine with AND: department matches, location does not        | SCHEDULED   | true   | Sales      | Engineer | London   | Sales;HR           | ''               | York             | rule_other_locations   | false   | Session is for other locations
        lists combine with AND: department and role match, location not      | SCHEDULED   | true   | Sales      | Engineer | London   | Sales              | Engineer         | Leeds            | rule_other_locations   | false   | Session is for other locations
        empty lists are open to all                                          | SCHEDULED   | true   | Sales      | Engineer | London   | ''                 | ''               | ''               | rule_visible           | true    | Visible
        a person in every list sees the session                              | SCHEDULED   | true   | Sales      | Engineer | London   | HR;Sales           | Manager;Engineer | London;Leeds     | rule_visible           | true    | Visible
        a matching list and empty lists combine to visible                   | SCHEDULED   | true   | Sales      | Engineer | London   | Sales              | ''               | ''               | rule_visible           | true    | Visible
        a person without a department sees a session open to all departments | SCHEDULED   | true   |            | Engineer | London   | ''                 | ''               | ''               | rule_visible           | true    | Visible
        a person with no department, role or location sees an open session   | SCHEDULED   | true   |            |          |          | ''                 | ''               | ''               | rule_visible           | true    | Visible
        """)
    void decidesVisibility(String description, String status, Boolean startsInFuture, String department, String jobRole,
            String location, String sessionDepartments, String sessionJobRoles, String sessionLocations,
            String expectedRule, boolean expectedVisible, String expectedReason) {
        Map<String, Object> variables = variables(department, jobRole, location, "EMPLOYEE", list(sessionDepartments),
                list(sessionJobRoles), list(sessionLocations), status, startsInFuture);

        Evaluation evaluation = DecisionTables.evaluate(DECISION, variables);

        assertThat(evaluation.rule()).isEqualTo(expectedRule);
        assertThat(evaluation.outputs()).containsOnly(
                Map.entry("visible", expectedVisible), Map.entry("reason", expectedReason));
    }

    @ParameterizedTest(name = "a {0} sees the same as an employee")
    @CsvSource({"SUBCONTRACTOR", "EMPLOYEE"})
    void employmentTypeDoesNotChangeVisibilityYet(String employmentType) {
        Map<String, Object> open = variables("Sales", "Engineer", "London", employmentType, List.of(), List.of(), List.of(),
                "SCHEDULED", true);
        Map<String, Object> forHr = variables("Sales", "Engineer", "London", employmentType, List.of("HR"), List.of(),
                List.of(), "SCHEDULED", true);

        assertThat(DecisionTables.evaluate(DECISION, open).rule()).isEqualTo("rule_visible");
        assertThat(DecisionTables.evaluate(DECISION, forHr).rule()).isEqualTo("rule_other_departments");
    }

    @Test
    void aSessionWhoseDepartmentListIsMissingIsHidden() {
        Map<String, Object> variables = variables("Sales", "Engineer", "London", "EMPLOYEE", null, List.of(), List.of(),
                "SCHEDULED", true);

        Evaluation evaluation = DecisionTables.evaluate(DECISION, variables);

        assertThat(evaluation.rule()).isEqualTo("rule_other_departments");
        assertThat(evaluation.outputs()).containsEntry("visible", false);
    }

    @Test
    void everyCombinationGetsExactlyOneAnswerAndOnlyAFullMatchIsVisible() {
        for (String status : STATUSES) {
            for (boolean future : new boolean[] {true, false}) {
                for (boolean departmentMatches : new boolean[] {true, false}) {
                    for (boolean jobRoleMatches : new boolean[] {true, false}) {
                        for (boolean locationMatches : new boolean[] {true, false}) {
                            Map<String, Object> variables = variables("Sales", "Engineer", "London", "EMPLOYEE",
                                    List.of(departmentMatches ? "Sales" : "HR"),
                                    List.of(jobRoleMatches ? "Engineer" : "Trainer"),
                                    List.of(locationMatches ? "London" : "York"), status, future);

                            Evaluation evaluation = DecisionTables.evaluate(DECISION, variables);

                            boolean expected = status.equals("SCHEDULED") && future && departmentMatches && jobRoleMatches
                                    && locationMatches;
                            assertThat(evaluation.outputs())
                                    .as("%s, future %s, department %s, job role %s, location %s", status, future,
                                            departmentMatches, jobRoleMatches, locationMatches)
                                    .containsEntry("visible", expected);
                        }
                    }
                }
            }
        }
    }

    private static Map<String, Object> variables(String department, String jobRole, String location, String employmentType,
            List<String> sessionDepartments, List<String> sessionJobRoles, List<String> sessionLocations, String sessionStatus,
            Boolean startsInFuture) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("department", department);
        variables.put("jobRole", jobRole);
        variables.put("location", location);
        variables.put("employmentType", employmentType);
        variables.put("sessionDepartments", sessionDepartments);
        variables.put("sessionJobRoles", sessionJobRoles);
        variables.put("sessionLocations", sessionLocations);
        variables.put("sessionStatus", sessionStatus);
        variables.put("startsInFuture", startsInFuture);
        return variables;
    }

    /** {@code A;B} is a list of A and B, an empty string the empty list; the callers pass mutable java.util.Lists. */
    private static List<String> list(String values) {
        return values.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(values.split(";")));
    }
}
