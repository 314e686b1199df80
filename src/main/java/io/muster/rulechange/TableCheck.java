package io.muster.rulechange;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.muster.common.InvalidInputException;
import io.muster.rules.Decisions;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.springframework.stereotype.Component;

/**
 * Whether a proposed decision table is one Muster can use: a DMN file holding this decision
 * only, as a table that gives one answer, whose inputs read only what Muster passes (names and
 * types) and whose outputs are what Muster reads, with every FEEL expression parsing. Every
 * problem found is named at once, so an analyst fixes the file in one go.
 */
@Component
class TableCheck {

    /** FEEL, the engine's default; Muster checks no other expression language. */
    private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/feel/20140401");
    /** Hit policies that give a single answer, which is all Muster reads. */
    private static final Set<HitPolicy> SINGLE = Set.of(HitPolicy.UNIQUE, HitPolicy.FIRST, HitPolicy.ANY,
            HitPolicy.PRIORITY);
    /** Each variable a parsed FEEL expression reads: the first name of a reference path. */
    private static final Pattern REFERENCE = Pattern.compile("Ref\\(List\\(([^,)]+)");
    /** Names an expression binds itself (for, some, every, contexts), which are no inputs. */
    private static final Pattern BOUND = Pattern.compile("\\(\\(([^,()]+),");

    private final FeelEngineApi feel = FeelEngineBuilder.forJava().build();
    private final Decisions decisions;

    TableCheck(Decisions decisions) {
        this.decisions = decisions;
    }

    /** A proposed table that passed every check: its file, its model, and the table ready to evaluate. */
    record Checked(String key, byte[] file, DecisionTable model, Decisions.Table table) {
    }

    Checked check(String key, byte[] file) {
        if (file == null || file.length == 0) {
            throw refused("No file: choose the .dmn file of " + key + ".");
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(file));
        } catch (RuntimeException e) {
            throw refused("The file is not a DMN model (a .dmn file from Camunda Modeler): " + firstLine(e));
        }
        Collection<Decision> all = model.getModelElementsByType(Decision.class);
        List<String> ids = all.stream().map(Decision::getId).toList();
        Decision decision = all.stream().filter(d -> key.equals(d.getId())).findFirst()
                .orElseThrow(() -> refused("The file holds the decision " + (ids.isEmpty() ? "(none)" : String.join(", ", ids))
                        + ", not " + key + "."));
        List<String> problems = new ArrayList<>();
        if (ids.size() > 1) {
            problems.add("the file holds other decisions too (" + String.join(", ", ids.stream()
                    .filter(id -> !id.equals(key)).toList()) + "); deploy " + key + " on its own");
        }
        if (decision.getCamundaHistoryTimeToLiveString() == null || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
            problems.add("the decision has no history time to live (camunda:historyTimeToLive), which the engine requires");
        }
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            throw refused(key + " is not a decision table.");
        }
        if (!SINGLE.contains(table.getHitPolicy())) {
            problems.add("hit policy " + table.getHitPolicy() + " may give several answers; Muster reads one"
                    + " (use UNIQUE, FIRST, ANY or PRIORITY)");
        }
        Decisions.Contract contract = Decisions.contract(key);
        checkInputs(table, contract.inputs(), problems);
        checkOutputs(table, contract.outputs(), problems);
        checkRules(table, contract, problems);
        if (!problems.isEmpty()) {
            throw refused(String.join("; ", problems) + ".");
        }
        try {
            return new Checked(key, file, table, decisions.proposed(key, file));
        } catch (RuntimeException e) {
            throw refused("The DMN engine cannot read the table: " + firstLine(e));
        }
    }

    private void checkInputs(DecisionTable table, Map<String, String> supplied, List<String> problems) {
        for (Input input : table.getInputs()) {
            String label = name(input.getLabel(), input.getId());
            if (input.getInputExpression() == null || input.getInputExpression().getText() == null
                    || blank(input.getInputExpression().getText().getTextContent())) {
                problems.add("input \"" + label + "\" has no expression");
                continue;
            }
            String expression = input.getInputExpression().getText().getTextContent().strip();
            String type = input.getInputExpression().getTypeRef();
            if (!feel(input.getInputExpression().getExpressionLanguage(), table)) {
                problems.add("input \"" + label + "\" is not written in FEEL");
                continue;
            }
            ParseResult parsed = feel.parseExpression(expression);
            if (!parsed.isSuccess()) {
                problems.add("input \"" + label + "\" does not parse: " + parsed.failure().message());
                continue;
            }
            Set<String> unknown = unknown(parsed, supplied.keySet());
            if (!unknown.isEmpty()) {
                problems.add("input \"" + label + "\" reads " + String.join(", ", unknown)
                        + ", which Muster does not pass (it passes " + String.join(", ", supplied.keySet()) + ")");
            } else if (supplied.containsKey(expression) && !blank(type) && !type.equals(supplied.get(expression))) {
                problems.add("input \"" + label + "\" reads " + expression + " as " + type + ", but Muster passes a "
                        + supplied.get(expression));
            }
        }
    }

    private static void checkOutputs(DecisionTable table, Map<String, Decisions.Output> read, List<String> problems) {
        Set<String> present = new TreeSet<>();
        for (Output output : table.getOutputs()) {
            String name = output.getName();
            if (blank(name) || !read.containsKey(name)) {
                problems.add("output \"" + name(name, output.getId()) + "\" is not one Muster reads (it reads "
                        + String.join(", ", new TreeSet<>(read.keySet())) + ")");
                continue;
            }
            present.add(name);
            String type = output.getTypeRef();
            if (!blank(type) && !type.equals(read.get(name).type())) {
                problems.add("output " + name + " is a " + type + ", but Muster reads a " + read.get(name).type());
            }
        }
        read.forEach((name, output) -> {
            if (output.required() && !present.contains(name)) {
                problems.add("output " + name + " is missing; Muster needs it");
            }
        });
    }

    private void checkRules(DecisionTable table, Decisions.Contract contract, List<String> problems) {
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Output> outputs = List.copyOf(table.getOutputs());
        Set<String> supplied = contract.inputs().keySet();
        for (Rule rule : table.getRules()) {
            int column = 0;
            for (InputEntry entry : rule.getInputEntries()) {
                String text = entry.getText() == null ? "" : entry.getText().getTextContent().strip();
                String where = "rule " + rule.getId() + ", " + (column < inputs.size()
                        ? "\"" + name(inputs.get(column).getLabel(), inputs.get(column).getId()) + "\"" : "input " + (column + 1));
                column++;
                if (blank(text) || text.equals("-")) {
                    continue;
                }
                if (!feel(entry.getExpressionLanguage(), table)) {
                    problems.add(where + " is not written in FEEL");
                    continue;
                }
                ParseResult parsed = feel.parseUnaryTests(text);
                if (!parsed.isSuccess()) {
                    problems.add(where + " does not parse: " + parsed.failure().message());
                } else if (!unknown(parsed, supplied).isEmpty()) {
                    problems.add(where + " reads " + String.join(", ", unknown(parsed, supplied))
                            + ", which Muster does not pass");
                }
            }
            column = 0;
            for (OutputEntry entry : rule.getOutputEntries()) {
                String text = entry.getText() == null ? "" : entry.getText().getTextContent().strip();
                Output output = column < outputs.size() ? outputs.get(column) : null;
                String where = "rule " + rule.getId() + ", output " + (output == null ? column + 1 : name(output.getName(), output.getId()));
                column++;
                if (blank(text)) {
                    continue;
                }
                if (!feel(entry.getExpressionLanguage(), table)) {
                    problems.add(where + " is not written in FEEL");
                    continue;
                }
                ParseResult parsed = feel.parseExpression(text);
                if (!parsed.isSuccess()) {
                    problems.add(where + " does not parse: " + parsed.failure().message());
                    continue;
                }
                if (!unknown(parsed, supplied).isEmpty()) {
                    problems.add(where + " reads " + String.join(", ", unknown(parsed, supplied))
                            + ", which Muster does not pass");
                }
                Decisions.Output read = output == null ? null : contract.outputs().get(output.getName());
                Matcher constant = Pattern.compile("^\"(.*)\"$").matcher(text);
                if (read != null && !read.values().isEmpty() && constant.matches() && !read.values().contains(constant.group(1))) {
                    problems.add(where + " is \"" + constant.group(1) + "\"; Muster understands "
                            + String.join(", ", new TreeSet<>(read.values())));
                }
            }
        }
    }

    private static Set<String> unknown(ParseResult parsed, Set<String> supplied) {
        String tree = parsed.parsedExpression().expression().toString();
        Set<String> bound = new LinkedHashSet<>();
        Matcher b = BOUND.matcher(tree);
        while (b.find()) {
            bound.add(b.group(1).strip());
        }
        Set<String> unknown = new TreeSet<>();
        Matcher m = REFERENCE.matcher(tree);
        while (m.find()) {
            String name = m.group(1).strip();
            if (!supplied.contains(name) && !bound.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static boolean feel(String language, DecisionTable table) {
        String effective = !blank(language) ? language
                : table.getParentElement() instanceof Decision d && d.getParentElement() instanceof org.camunda.bpm.model.dmn.instance.Definitions defs
                        ? defs.getExpressionLanguage() : null;
        return blank(effective) || FEEL.contains(effective.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String name(String preferred, String fallback) {
        return blank(preferred) ? fallback : preferred;
    }

    private static String firstLine(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    static InvalidInputException refused(String message) {
        return new InvalidInputException("file", message);
    }
}
