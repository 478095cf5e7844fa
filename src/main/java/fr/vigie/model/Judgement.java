package fr.vigie.model;

import java.util.Objects;

/** A scorer's answer for one message, as evaluation compares it with the label: a scheme, and scam or not. */
public record Judgement(String scheme, boolean scam) {
    public Judgement {
        Objects.requireNonNull(scheme, "scheme");
    }
}
