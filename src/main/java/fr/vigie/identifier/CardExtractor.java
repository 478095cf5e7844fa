package fr.vigie.identifier;

/**
 * Payment card numbers: 13 to 19 digits, together or in groups separated by one space or dash, with nothing glued
 * to either end. Pre-filter: the digit count; then Luhn and a known brand prefix ({@link Card#parse}).
 */
final class CardExtractor implements Extractor {
    @Override
    public void extract(String text, Candidates out) {
        if (out.digits() < 13) {
            return; // fewer digits in the whole text than the shortest card number has
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!Chars.isDigit(text.charAt(i)) || Chars.wordCharAt(text, i - 1)) {
                i++;
                continue;
            }
            int end = i;
            int digits = 0;
            while (end < length && digits <= 19) {
                char c = text.charAt(end);
                if (Chars.isDigit(c)) {
                    digits++;
                    end++;
                } else if ((c == ' ' || c == '-') && end + 1 < length && Chars.isDigit(text.charAt(end + 1))) {
                    end++;
                } else {
                    break;
                }
            }
            if (digits >= 13 && digits <= 19 && !Chars.wordCharAt(text, end)) {
                int from = i;
                int to = end;
                if (!out.insideLinkOrAddress(from, to)) {
                    Card.parse(text.substring(i, end)).ifPresent(card -> out.add(from, to, card));
                }
            }
            i = Math.max(end, i + 1);
            while (i < length && Chars.isDigit(text.charAt(i))) {
                i++; // the rest of an over-long run is not the start of a card
            }
        }
    }
}
