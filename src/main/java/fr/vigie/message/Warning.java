package fr.vigie.message;

/**
 * Something tolerated while reading a message (bad charset, unparseable date, truncated text...). {@code code} is
 * stable and snake_case; {@code detail} is plain English with names and numbers, never message text.
 */
public record Warning(String code, String detail) {}
