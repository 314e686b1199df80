package io.muster.people;

/** One person as a picker lists them. */
public record FoundPerson(String username, String name, String email, String department) {
}
