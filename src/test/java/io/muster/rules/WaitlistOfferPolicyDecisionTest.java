package io.muster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.muster.rules.DecisionTables.Evaluation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Row by row tests of {@code dmn/waitlist-offer-policy.dmn}, with every band's boundaries. */
class WaitlistOfferPolicyDecisionTest {

    private static final DmnDecision DECISION = DecisionTables.parse("waitlist-offer-policy");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                                  | hoursUntilStart | rule                    | offerHours
        a month ahead the offer is open for 48 hours            | 720             | rule_more_than_a_week   | 48
        just over a week ahead the offer is open for 48 hours   | 168.01          | rule_more_than_a_week   | 48
        exactly a week ahead the offer is open for 24 hours     | 168             | rule_two_days_to_a_week | 24
        four days ahead the offer is open for 24 hours          | 96              | rule_two_days_to_a_week | 24
        just over two days ahead the offer is open for 24 hours | 48.5            | rule_two_days_to_a_week | 24
        exactly two days ahead the offer is open for 12 hours   | 48              | rule_one_to_two_days    | 12
        a day and a half ahead the offer is open for 12 hours   | 36.5            | rule_one_to_two_days    | 12
        just over a day ahead the offer is open for 12 hours    | 24.25           | rule_one_to_two_days    | 12
        exactly a day ahead the offer is open for 2 hours       | 24              | rule_last_day           | 2
        half an hour ahead the offer is open for 2 hours        | 0.5             | rule_last_day           | 2
        at the start the offer is open for 2 hours              | 0               | rule_last_day           | 2
        """)
    void decidesOfferHours(String description, double hoursUntilStart, String expectedRule, int expectedOfferHours) {
        Evaluation evaluation = DecisionTables.evaluate(DECISION, Map.of("hoursUntilStart", hoursUntilStart));

        assertThat(evaluation.rule()).isEqualTo(expectedRule);
        assertThat(evaluation.outputs()).containsOnly(Map.entry("offerHours", expectedOfferHours));
    }

    @Test
    void wholeHoursMayBePassedAsIntOrLong() {
        assertThat(DecisionTables.evaluate(DECISION, Map.of("hoursUntilStart", 168)).outputs())
                .containsEntry("offerHours", 24);
        assertThat(DecisionTables.evaluate(DECISION, Map.of("hoursUntilStart", 169L)).outputs())
                .containsEntry("offerHours", 48);
    }

    @Test
    void exactlyOneRowFitsEveryHourAndBothSidesOfEachBoundary() {
        List<Double> hours = new ArrayList<>();
        for (int hour = 0; hour <= 200; hour++) {
            hours.add((double) hour);
        }
        for (double boundary : new double[] {24, 48, 168}) {
            hours.add(boundary - 0.001);
            hours.add(boundary + 0.001);
        }

        for (double hoursUntilStart : hours) {
            Evaluation evaluation = DecisionTables.evaluate(DECISION, Map.of("hoursUntilStart", hoursUntilStart));

            int expected = hoursUntilStart > 168 ? 48 : hoursUntilStart > 48 ? 24 : hoursUntilStart > 24 ? 12 : 2;
            assertThat(evaluation.outputs()).as("%s hours until start", hoursUntilStart)
                    .containsOnly(Map.entry("offerHours", expected));
        }
    }

    @Test
    void noRowFitsAnUnknownStart() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("hoursUntilStart", null);

        assertThat(DecisionTables.evaluate(DECISION, variables).result()).isEmpty();
    }
}
