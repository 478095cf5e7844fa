package fr.vigie.rules;

/** A text a person reads, in both of Vigie's languages; neither may be blank (the validator checks). */
public record Bilingual(String fr, String en) {}
