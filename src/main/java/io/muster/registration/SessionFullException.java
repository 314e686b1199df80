package io.muster.registration;

import io.muster.common.ConflictException;

/** No seat and no waiting list: the booking is refused and nothing is stored. */
public class SessionFullException extends ConflictException {

    public SessionFullException() {
        super("Session full");
    }

    /** One of several sessions in one request: says which. */
    public SessionFullException(String sessionTitle) {
        super("Session full: " + sessionTitle);
    }
}
