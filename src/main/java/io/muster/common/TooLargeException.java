package io.muster.common;

/** A request body bigger than the limit set for it: answered 413 with the field at fault. */
public class TooLargeException extends RuntimeException {

    private final String field;

    public TooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
