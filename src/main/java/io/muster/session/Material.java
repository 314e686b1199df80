package io.muster.session;

import jakarta.persistence.Embeddable;

/** A pre-read document shown on the session's details. */
@Embeddable
public record Material(String name, String url) {
}
