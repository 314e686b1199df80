package io.muster.rulechange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changed versions of the project's decision tables, edited as an analyst would in Camunda Modeler. */
public final class RuleTables {

    private RuleTables() {
    }

    public static String original(String key) {
        try {
            return Files.readString(Path.of("dmn", key + ".dmn"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table with one more rule on top: its input entries and output entries in column order. */
    public static String withFirstRule(String xml, String id, String[] inputs, String[] outputs) {
        StringBuilder rule = new StringBuilder("<rule id=\"" + id + "\">\n");
        for (int i = 0; i < inputs.length; i++) {
            rule.append("<inputEntry id=\"").append(id).append("_in").append(i).append("\"><text>")
                    .append(escape(inputs[i])).append("</text></inputEntry>\n");
        }
        for (int i = 0; i < outputs.length; i++) {
            rule.append("<outputEntry id=\"").append(id).append("_out").append(i).append("\"><text>")
                    .append(escape(outputs[i])).append("</text></outputEntry>\n");
        }
        rule.append("</rule>\n      ");
        int first = xml.indexOf("<rule id=");
        return xml.substring(0, first) + rule + xml.substring(first);
    }

    /** The table with the input expression of one column (by its input id) replaced, and its allowed values dropped. */
    public static String withInputExpression(String xml, String inputId, String expression, String typeRef) {
        Pattern input = Pattern.compile("(?s)(<input id=\"" + Pattern.quote(inputId) + "\".*?<inputExpression[^>]*typeRef=\")"
                + "[^\"]*(\"[^>]*>\\s*<text>)[^<]*(</text>\\s*</inputExpression>)(\\s*<inputValues.*?</inputValues>)?");
        Matcher m = input.matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("No input " + inputId);
        }
        return xml.substring(0, m.start()) + m.group(1) + typeRef + m.group(2) + escape(expression) + m.group(3)
                + xml.substring(m.end());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
