package fr.vigie.dossier;

import java.time.Instant;

/** One event in the chain of custody of an evidence file: when, what ({@code received}, {@code read}) and by whom. */
public record CustodyEntry(String sha256, Instant at, String action, String actor) {}
