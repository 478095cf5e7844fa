package fr.vigie.identifier;

/**
 * IBANs, written compact or in groups. Pre-filter: two letters then two digits at the start of a word; the
 * country's IBAN length then says exactly how many characters to collect, skipping single separators.
 */
final class IbanExtractor implements Extractor {
    @Override
    public void extract(String text, Candidates out) {
        if (out.digits() < 2) {
            return; // every IBAN has its two check digits
        }
        int length = text.length();
        for (int i = 0; i + 15 <= length; i++) {
            if (!Chars.isLetter(text.charAt(i))
                    || !Chars.isLetter(text.charAt(i + 1))
                    || !Chars.isDigit(text.charAt(i + 2))
                    || !Chars.isDigit(text.charAt(i + 3))
                    || Chars.wordCharAt(text, i - 1)) {
                continue;
            }
            int expected = Iban.lengthFor(text.substring(i, i + 2));
            if (expected == 0) {
                continue;
            }
            int end = collect(text, i, expected);
            if (end > 0 && !Chars.wordCharAt(text, end)) {
                int from = i;
                Iban.parse(text.substring(i, end)).ifPresent(iban -> out.add(from, end, iban));
            }
        }
    }

    /** The end offset after {@code count} letters and digits from {@code start}, or -1 if they run out. */
    private static int collect(String text, int start, int count) {
        int collected = 0;
        int end = start;
        while (end < text.length() && collected < count) {
            char c = text.charAt(end);
            if (Chars.isAlnum(c)) {
                collected++;
            } else if (!(Chars.isSpace(c) || c == '-') || !Chars.isAlnum(next(text, end))) {
                return -1;
            }
            end++;
        }
        return collected == count ? end : -1;
    }

    private static char next(String text, int index) {
        return index + 1 < text.length() ? text.charAt(index + 1) : ' ';
    }
}
