package io.muster.session;

public enum SessionType {
    IN_PERSON, ONLINE
}
