package io.muster.web;

import java.util.function.Consumer;
import java.util.function.Function;

/** A value read from a form's text: blank is none, and text that does not read is reported by its field's name. */
public final class FormValue {

    private FormValue() {
    }

    public static <T> T read(String field, String text, Function<String, T> parser, Consumer<String> unreadable) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.apply(text.strip());
        } catch (RuntimeException e) {
            // not a number, a date, a time or a known value
            unreadable.accept(field);
            return null;
        }
    }
}
