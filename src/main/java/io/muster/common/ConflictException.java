package io.muster.common;

/** A request that is well formed but clashes with the current state: answered with 409. */
public class ConflictException extends RuntimeException {

    /** What a person reads when the database refused a write (a unique key, a check, an exclusion). */
    public static final String CLASHING_DATA = "The change clashes with the current data and was not stored.";
    /** What a person reads when someone else changed the same thing in the same instant. */
    public static final String CONCURRENT_CHANGE = "Someone else changed this at the same time; reload and try again.";

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
