package io.muster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.rules.DecisionTables.Evaluation;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Row by row tests of {@code dmn/auto-enrol-eligibility.dmn}: every row fires, and precedence holds. */
class AutoEnrolEligibilityDecisionTest {

    private static final DmnDecision DECISION = DecisionTables.parse("auto-enrol-eligibility");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                                      | employment    | subs  | required | optional | training | missing | optedOut | enrolment   | rule                        | enrol | reason
        an employee's expiring required training is enrolled        | EMPLOYEE      | false | true     | false    | EXPIRING | false   | false    | NONE        | rule_expiring               | true  | Training expiring
        a finished enrolment is renewed when the training expires   | EMPLOYEE      | false | true     | false    | EXPIRING | false   | false    | COMPLETED   | rule_expiring               | true  | Training expiring
        an unenrolled person is enrolled again when it expires      | EMPLOYEE      | false | true     | false    | EXPIRING | false   | false    | UNENROLLED  | rule_expiring               | true  | Training expiring
        a failed attempt is renewed when the training expires       | EMPLOYEE      | false | true     | false    | EXPIRING | false   | false    | FAILED      | rule_expiring               | true  | Training expiring
        a person who opted out is never enrolled                    | EMPLOYEE      | true  | true     | true     | EXPIRING | true    | true     | NONE        | rule_opted_out              | false | Opted out
        opt-out comes before every other reason                     | SUBCONTRACTOR | false | false    | false    | MISSING  | false   | true     | ENROLLED    | rule_opted_out              | false | Opted out
        someone already enrolled is not enrolled twice              | EMPLOYEE      | false | true     | false    | EXPIRING | false   | false    | ENROLLED    | rule_already_enrolled       | false | Already enrolled
        someone in progress is left alone                           | EMPLOYEE      | false | true     | false    | EXPIRING | false   | false    | IN_PROGRESS | rule_in_progress            | false | Already in progress
        an enrolment an admin cancelled stays cancelled             | EMPLOYEE      | false | true     | false    | EXPIRING | false   | false    | CANCELLED   | rule_cancelled              | false | Cancelled by an admin
        a sub-contractor is left out when the course says so        | SUBCONTRACTOR | false | true     | false    | EXPIRING | false   | false    | NONE        | rule_subcontractor_excluded | false | Sub-contractors not included
        a sub-contractor is enrolled when the course includes them  | SUBCONTRACTOR | true  | true     | false    | EXPIRING | false   | false    | NONE        | rule_expiring               | true  | Training expiring
        an optional course is left out when the course says so      | EMPLOYEE      | false | false    | false    | EXPIRING | false   | false    | NONE        | rule_optional_excluded      | false | Optional course not included
        an optional course is enrolled when the course includes it  | EMPLOYEE      | false | false    | true     | EXPIRING | false   | false    | NONE        | rule_expiring               | true  | Training expiring
        missing training is not enrolled while the switch is off    | EMPLOYEE      | false | true     | false    | MISSING  | false   | false    | NONE        | rule_missing_switched_off   | false | Missing training not enrolled
        missing training is enrolled when the switch is on          | EMPLOYEE      | false | true     | false    | MISSING  | true    | false    | NONE        | rule_missing                | true  | Missing training
        missing training of a sub-contractor follows the course     | SUBCONTRACTOR | false | true     | false    | MISSING  | true    | false    | NONE        | rule_subcontractor_excluded | false | Sub-contractors not included
        an unknown training state enrols nobody                     | EMPLOYEE      | true  | true     | true     | UNKNOWN  | true    | false    | NONE        | rule_otherwise              | false | No rule applies
        """)
    void decides(String description, String employmentType, boolean includeSubcontractors, boolean required,
            boolean includeOptional, String training, boolean missingTraining, boolean optedOut, String enrolmentStatus,
            String expectedRule, boolean expectedEnrol, String expectedReason) {
        Evaluation evaluation = DecisionTables.evaluate(DECISION, Map.of("employmentType", employmentType,
                "includeSubcontractors", includeSubcontractors, "required", required, "includeOptional", includeOptional,
                "training", training, "missingTraining", missingTraining, "optedOut", optedOut,
                "enrolmentStatus", enrolmentStatus));

        assertThat(evaluation.rule()).isEqualTo(expectedRule);
        assertThat(evaluation.outputs()).containsOnly(Map.entry("enrol", expectedEnrol),
                Map.entry("reason", expectedReason));
    }
}
