package io.muster.rulechange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.muster.common.InvalidInputException;
import io.muster.common.NotFoundException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploying a checked table, and the versions of a decision with who deployed them and what
 * changed between two. A deployment goes through the engine exactly as Camunda Modeler's does
 * (a new deployment; binding "latest" makes every node use it from the next evaluation on);
 * Muster adds only its own record of who and why, in the same transaction.
 */
@Service
class RuleVersions {

    static final int MAX_COMMENT = 1000;
    static final String NOT_RECORDED = "not recorded";

    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RuleVersions(RepositoryService repository, JdbcTemplate jdbc, Clock clock) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One deployed version: who deployed it ("not recorded" outside Muster), when, and why. */
    record Version(int version, String definitionId, String deploymentId, String deployedBy, Instant deployedAt,
            String comment, boolean recorded) {
    }

    @Transactional
    Version deploy(TableCheck.Checked table, String comment, String username) {
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        if (why != null && why.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "at most " + MAX_COMMENT + " characters");
        }
        Deployment deployment = repository.createDeployment().name(table.key()).source("Muster rules")
                .addInputStream(table.key() + ".dmn", new java.io.ByteArrayInputStream(table.file())).deploy();
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                .decisionDefinitionKey(table.key()).singleResult();
        Instant now = clock.instant();
        jdbc.update("""
                insert into rule_deployment (deployment_id, decision_key, decision_definition_id, version, deployed_by,
                                             deployed_at, comment)
                values (?, ?, ?, ?, ?, ?, ?)""", deployment.getId(), table.key(), definition.getId(),
                definition.getVersion(), username, Timestamp.from(now), why);
        return new Version(definition.getVersion(), definition.getId(), deployment.getId(), username, now, why, true);
    }

    /** Every version of the decision, newest first. */
    @Transactional(readOnly = true)
    List<Version> versions(String key) {
        Map<String, Version> recorded = new HashMap<>();
        jdbc.query("select deployment_id, decision_definition_id, version, deployed_by, deployed_at, comment"
                + " from rule_deployment where decision_key = ?", rs -> {
                    recorded.put(rs.getString(1), new Version(rs.getInt(3), rs.getString(2), rs.getString(1),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), true));
                }, key);
        List<Version> versions = new ArrayList<>();
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .orderByDecisionDefinitionVersion().desc().list()) {
            Version mine = recorded.get(d.getDeploymentId());
            if (mine != null) {
                versions.add(mine);
            } else {
                Deployment deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
                versions.add(new Version(d.getVersion(), d.getId(), d.getDeploymentId(), NOT_RECORDED,
                        deployment == null ? null : deployment.getDeploymentTime().toInstant(), null, false));
            }
        }
        return versions;
    }

    /** A rule as the diff shows it: its conditions and outputs by column, and its annotation. */
    record RuleView(String id, Map<String, String> conditions, Map<String, String> outputs, String annotation) {
    }

    record ChangedRule(String id, RuleView before, RuleView after) {
    }

    /** What changed from version a to version b, by DMN rule id. */
    record Diff(String decisionKey, int from, int to, List<RuleView> added, List<RuleView> removed,
            List<ChangedRule> changed) {
    }

    @Transactional(readOnly = true)
    Diff diff(String key, int a, int b) {
        return diff(key, a, b, rules(key, a), rules(key, b));
    }

    /** The proposed table against the latest deployed version (whose number is given); "to" is 0, deployed nowhere. */
    @Transactional(readOnly = true)
    Diff againstLatest(TableCheck.Checked proposed, int latest) {
        return diff(proposed.key(), latest, 0, rules(proposed.key(), latest), rulesOf(proposed.model()));
    }

    private static Diff diff(String key, int a, int b, Map<String, RuleView> before, Map<String, RuleView> after) {
        List<RuleView> added = after.values().stream().filter(r -> !before.containsKey(r.id())).toList();
        List<RuleView> removed = before.values().stream().filter(r -> !after.containsKey(r.id())).toList();
        List<ChangedRule> changed = after.values().stream()
                .filter(r -> before.containsKey(r.id()) && !before.get(r.id()).equals(r))
                .map(r -> new ChangedRule(r.id(), before.get(r.id()), r)).toList();
        return new Diff(key, a, b, added, removed, changed);
    }

    private Map<String, RuleView> rules(String key, int version) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .decisionDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new NotFoundException("Version of " + key, Integer.toString(version));
        }
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
            Decision decision = Dmn.readModelFromStream(model).getModelElementById(key);
            return decision != null && decision.getExpression() instanceof DecisionTable table ? rulesOf(table)
                    : new LinkedHashMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each rule by its id, its entries by column (the input's label, the output's name). */
    private static Map<String, RuleView> rulesOf(DecisionTable table) {
        Map<String, RuleView> rules = new LinkedHashMap<>();
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (Rule rule : table.getRules()) {
            Map<String, String> conditions = new LinkedHashMap<>();
            int i = 0;
            for (InputEntry entry : rule.getInputEntries()) {
                Input input = i < inputs.size() ? inputs.get(i) : null;
                i++;
                conditions.put(input == null ? "input " + i : label(input.getLabel(), input.getId()), text(entry.getText()));
            }
            Map<String, String> results = new LinkedHashMap<>();
            int o = 0;
            for (OutputEntry entry : rule.getOutputEntries()) {
                Output output = o < outputs.size() ? outputs.get(o) : null;
                o++;
                results.put(output == null ? "output " + o : label(output.getName(), output.getId()), text(entry.getText()));
            }
            rules.put(rule.getId(), new RuleView(rule.getId(), conditions, results, text(rule.getDescription())));
        }
        return rules;
    }

    private static String label(String label, String id) {
        return label == null || label.isBlank() ? id : label;
    }

    private static String text(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
        String content = element == null ? null : element.getTextContent();
        return content == null || content.isBlank() ? "-" : content.strip();
    }
}
