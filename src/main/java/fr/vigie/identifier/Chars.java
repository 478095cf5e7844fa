package fr.vigie.identifier;

/** Character classes shared by the scanners; ASCII unless the name says otherwise. */
final class Chars {
    private Chars() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    /** A letter or digit in any script: what a word boundary is made of. */
    static boolean isWordChar(char c) {
        return c < 128 ? isAlnum(c) || c == '_' : Character.isLetterOrDigit(c);
    }

    static boolean wordCharAt(String text, int index) {
        return index >= 0 && index < text.length() && isWordChar(text.charAt(index));
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f';
    }
}
