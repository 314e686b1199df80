package io.muster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.rules.DecisionTables.Evaluation;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Row by row tests of {@code dmn/registration-eligibility.dmn}. In the tables below an empty cell is null. */
class RegistrationEligibilityDecisionTest {

    private static final DmnDecision DECISION = DecisionTables.parse("registration-eligibility");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                                      | method  | enrolmentMethod | assigned | approvalRequired | managerUsername | employmentType | rule                   | outcome        | approver  | approverKind | reason
        booking oneself onto an assignment-only course is refused   | SELF    | ASSIGNMENT_ONLY | false    | false            | manager1        | EMPLOYEE       | rule_assignment_only   | REJECT         |           |              | This course is by assignment only
        the refusal comes before any approval                       | SELF    | ASSIGNMENT_ONLY | false    | true             | manager1        | EMPLOYEE       | rule_assignment_only   | REJECT         |           |              | This course is by assignment only
        one assigned to the course books its sessions               | SELF    | ASSIGNMENT_ONLY | true     | false            | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        one assigned still needs the approval a session asks        | SELF    | ASSIGNMENT_ONLY | true     | true             | manager1        | EMPLOYEE       | rule_manager_approves  | NEEDS_APPROVAL | manager1  | USER         | Your manager approves this session
        booking oneself with a manager goes to that manager         | SELF    | SELF            | false    | true             | manager1        | EMPLOYEE       | rule_manager_approves  | NEEDS_APPROVAL | manager1  | USER         | Your manager approves this session
        an enrolment key with a manager goes to that manager        | KEY     | SELF            | false    | true             | manager2        | EMPLOYEE       | rule_manager_approves  | NEEDS_APPROVAL | manager2  | USER         | Your manager approves this session
        an enrolment key works on an assignment-only course         | KEY     | ASSIGNMENT_ONLY | false    | true             | manager1        | EMPLOYEE       | rule_manager_approves  | NEEDS_APPROVAL | manager1  | USER         | Your manager approves this session
        a subcontractor with a manager goes to that manager         | SELF    | SELF            | false    | true             | manager1        | SUBCONTRACTOR  | rule_manager_approves  | NEEDS_APPROVAL | manager1  | USER         | Your manager approves this session
        booking oneself without a manager goes to the approvers     | SELF    | SELF            | false    | true             |                 | EMPLOYEE       | rule_approvers_approve | NEEDS_APPROVAL | approvers | GROUP        | An approver approves this session
        an enrolment key without a manager goes to the approvers    | KEY     | SELF            | false    | true             |                 | EMPLOYEE       | rule_approvers_approve | NEEDS_APPROVAL | approvers | GROUP        | An approver approves this session
        an empty manager username counts as no manager              | SELF    | SELF            | false    | true             | ''              | EMPLOYEE       | rule_approvers_approve | NEEDS_APPROVAL | approvers | GROUP        | An approver approves this session
        booking oneself onto a session without approval registers   | SELF    | SELF            | false    | false            | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        an enrolment key on a session without approval registers    | KEY     | ASSIGNMENT_ONLY | false    | false            |                 | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        an admin booking on an approval session registers           | ADMIN   | SELF            | false    | true             | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        an admin booking on an assignment-only course registers     | ADMIN   | ASSIGNMENT_ONLY | false    | false            | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        an admin booking without a manager registers                | ADMIN   | ASSIGNMENT_ONLY | false    | true             |                 | SUBCONTRACTOR  | rule_register          | REGISTER       |           |              | Registration needs no approval
        an automatic booking never needs approval                   | AUTO    | ASSIGNMENT_ONLY | false    | true             | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        a smart enrolment never needs approval                      | SMART   | ASSIGNMENT_ONLY | false    | true             | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        a copied learner with a manager goes to that manager        | COPY    | ASSIGNMENT_ONLY | false    | true             | manager1        | EMPLOYEE       | rule_manager_approves  | NEEDS_APPROVAL | manager1  | USER         | Your manager approves this session
        a copied learner without a manager goes to the approvers    | COPY    | SELF            | false    | true             |                 | EMPLOYEE       | rule_approvers_approve | NEEDS_APPROVAL | approvers | GROUP        | An approver approves this session
        a copied learner on a session without approval registers    | COPY    | SELF            | false    | false            | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        a walk-in never needs approval                              | WALK_IN | ASSIGNMENT_ONLY | false    | true             | manager1        | EMPLOYEE       | rule_register          | REGISTER       |           |              | Registration needs no approval
        """)
    void decidesRegistration(String description, String method, String enrolmentMethod, boolean assigned,
            boolean approvalRequired, String managerUsername, String employmentType, String expectedRule,
            String expectedOutcome, String expectedApprover, String expectedApproverKind, String expectedReason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("method", method);
        variables.put("enrolmentMethod", enrolmentMethod);
        variables.put("assigned", assigned);
        variables.put("approvalRequired", approvalRequired);
        variables.put("managerUsername", managerUsername);
        variables.put("employmentType", employmentType);

        Evaluation evaluation = DecisionTables.evaluate(DECISION, variables);

        assertThat(evaluation.rule()).isEqualTo(expectedRule);
        Map<String, Object> expected = new HashMap<>();
        expected.put("outcome", expectedOutcome);
        expected.put("approver", expectedApprover);
        expected.put("approverKind", expectedApproverKind);
        expected.put("reason", expectedReason);
        assertThat(evaluation.outputs()).as("every row sets all four outputs").containsExactlyInAnyOrderEntriesOf(expected);
    }
}
