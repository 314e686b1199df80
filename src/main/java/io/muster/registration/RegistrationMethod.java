package io.muster.registration;

/** How a registration came about, shown to admins. */
public enum RegistrationMethod {
    SELF, ADMIN, KEY, AUTO, SMART, COPY, WALK_IN
}
