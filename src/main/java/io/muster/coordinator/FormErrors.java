package io.muster.coordinator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.muster.common.ConflictException;
import io.muster.common.InvalidInputException;

/**
 * A form's messages by field, for showing each next to its field: the API's own request checks
 * (its annotations, run on the same request record) and a service's refusal that names a field.
 * A field is named by its root ({@code rule.department} and {@code steps[2].courseId} are
 * {@code rule} and {@code steps}), the name the form's control carries.
 */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    /** The first message per field is kept; one about an item of a list ({@code steps[2]}) is kept for the item too. */
    FormErrors add(String field, String message) {
        byField.putIfAbsent(root(field), message);
        int dot = field.indexOf('.');
        String item = dot < 0 ? field : field.substring(0, dot);
        if (item.endsWith("]")) {
            byField.putIfAbsent(item, message);
        }
        return this;
    }

    /** Takes a refusal that names a field of the form; answers false for any other. */
    boolean take(RuntimeException e) {
        String field = e instanceof InvalidInputException invalid ? invalid.field()
                : e instanceof ConflictException conflict ? conflict.field() : null;
        if (field == null) {
            return false;
        }
        add(field, e.getMessage());
        return true;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String of(String field) {
        return byField.get(field);
    }

    static String root(String path) {
        int end = path.length();
        for (char c : new char[] {'.', '['}) {
            int at = path.indexOf(c);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }
}
