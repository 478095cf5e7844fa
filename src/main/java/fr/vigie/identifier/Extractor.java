package fr.vigie.identifier;

/**
 * Finds the identifiers of one kind or family in a de-obfuscated text. Each implementation runs a cheap scan
 * first (a character, a digit run, a context word) and only then the costly checks, so a text without any
 * candidate costs one pass.
 */
interface Extractor {
    void extract(String text, Candidates out);
}
