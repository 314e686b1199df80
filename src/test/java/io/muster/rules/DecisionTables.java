package io.muster.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Evaluates the decision tables in the top-level {@code dmn/} folder (the files analysts edit) with the
 * standalone DMN engine, which has the same FEEL defaults as the process engine, and tells which rows fired.
 */
final class DecisionTables {

    private static final ThreadLocal<List<String>> MATCHED_RULES = new ThreadLocal<>();

    private static final DmnDecisionTableEvaluationListener RECORD_MATCHED_RULES = event ->
            MATCHED_RULES.set(event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList());

    private static final DmnEngine ENGINE = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
            .createDefaultDmnEngineConfiguration())
            .customPostDecisionTableEvaluationListeners(List.of(RECORD_MATCHED_RULES))
            .buildEngine();

    private DecisionTables() {
    }

    /** Parses {@code dmn/<key>.dmn}: the decision's id is its file name. */
    static DmnDecision parse(String key) {
        Path file = Path.of(System.getProperty("basedir", ".")).resolve("dmn").resolve(key + ".dmn");
        try (InputStream in = Files.newInputStream(file)) {
            return ENGINE.parseDecision(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evaluates the decision with these variables; a null value is passed as a variable holding null. */
    static Evaluation evaluate(DmnDecision decision, Map<String, ?> variables) {
        MATCHED_RULES.remove();
        VariableMap context = Variables.createVariables();
        variables.forEach(context::putValue);
        DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(decision, context);
        return new Evaluation(MATCHED_RULES.get(), result);
    }

    /** The rows that fired (after the hit policy) and the outputs they produced. */
    record Evaluation(List<String> matchedRules, DmnDecisionTableResult result) {

        /** The id of the one row that gave the answer. */
        String rule() {
            assertThat(matchedRules).as("rows that fired").hasSize(1);
            return matchedRules.get(0);
        }

        /** The outputs of the one row that gave the answer, by output name. */
        Map<String, Object> outputs() {
            assertThat(result).as("results").hasSize(1);
            return result.getSingleResult().getEntryMap();
        }
    }
}
