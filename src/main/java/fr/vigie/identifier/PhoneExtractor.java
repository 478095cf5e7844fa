package fr.vigie.identifier;

/**
 * Telephone numbers. Pre-filter: a run of digits and the separators people write between them (space, dot, dash,
 * slash, brackets), at most two separators in a row, with 8 to 17 digits and no letter glued to either end; only
 * such a run is handed to libphonenumber, which must find it a valid number in the default region or its own.
 */
final class PhoneExtractor implements Extractor {
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 17; // "00" + 15 digits of E.164, or a "(0)" written after the code

    @Override
    public void extract(String text, Candidates out) {
        if (out.digits() < MIN_DIGITS) {
            return; // fewer digits in the whole text than a number the pre-filter lets through
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            boolean starts = Chars.isDigit(c) || ((c == '+' || c == '(') && i + 1 < length);
            if (!starts) {
                i++;
                continue;
            }
            if (Chars.wordCharAt(text, i - 1) || (i > 0 && "+-/,".indexOf(text.charAt(i - 1)) >= 0)) {
                i = skipRun(text, i); // digits glued to a word or a number are not a phone number
                continue;
            }
            int end = runEnd(text, i);
            int digits = countDigits(text, i, end);
            if (digits >= MIN_DIGITS
                    && digits <= MAX_DIGITS
                    && !Chars.wordCharAt(text, end)
                    && !out.insideLinkOrAddress(i, end)) {
                int from = i;
                Phone.parse(text.substring(i, end), out.defaultRegion()).ifPresent(phone -> out.add(from, end, phone));
            }
            i = Math.max(end, i + 1);
        }
    }

    /** The end of a run starting at {@code start}: digits, separators in groups of at most two, a leading +. */
    private static int runEnd(String text, int start) {
        int end = start + 1;
        int lastDigitEnd = Chars.isDigit(text.charAt(start)) ? end : start;
        int separators = 0;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (Chars.isDigit(c)) {
                separators = 0;
                lastDigitEnd = end + 1;
            } else if (isSeparator(c) && ++separators <= 2) {
                // a separator between digit groups
            } else {
                break;
            }
            end++;
        }
        return lastDigitEnd; // trailing separators belong to the sentence
    }

    private static int skipRun(String text, int i) {
        int end = i + 1;
        while (end < text.length() && (Chars.isDigit(text.charAt(end)) || Chars.isWordChar(text.charAt(end)))) {
            end++;
        }
        return end;
    }

    private static int countDigits(String text, int start, int end) {
        int digits = 0;
        for (int k = start; k < end; k++) {
            digits += Chars.isDigit(text.charAt(k)) ? 1 : 0;
        }
        return digits;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')' || c == '\u00a0' || c == '\u202f';
    }
}
