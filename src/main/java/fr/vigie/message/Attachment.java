package fr.vigie.message;

/** A part that is not read as text (an image, a PDF, an archive): kept as a fact, addressed by its SHA-256. */
public record Attachment(String filename, String contentType, long size, String sha256) {}
