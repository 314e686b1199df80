package io.muster.common;

/** Refused by a rule (e.g. a decision table): answered with 403 and the rule's reason. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
