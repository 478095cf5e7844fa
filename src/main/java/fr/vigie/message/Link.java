package fr.vigie.message;

/** A link in an HTML part: its real target and where its visible text sits in the part's extracted text. */
public record Link(String href, int start, int end) {}
