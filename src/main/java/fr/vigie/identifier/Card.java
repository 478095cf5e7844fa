package fr.vigie.identifier;

import java.util.Optional;

/**
 * A payment card number, never kept whole: the record holds the brand, the BIN (first six digits), the last four
 * and the length, which is what PCI DSS allows to be shown. Normal form {@code visa:497010******0004}, one star per
 * hidden digit. Only Luhn-valid numbers of 13 to 19 digits with a known brand prefix are cards.
 */
public record Card(String brand, String bin, String last4, int length) implements Identifier {

    public Card {
        if (brand == null || bin == null || last4 == null) {
            throw new IllegalArgumentException("brand, BIN and last four are required");
        }
        if (bin.length() != 6 || last4.length() != 4 || !Mtcn.allDigits(bin) || !Mtcn.allDigits(last4)) {
            throw new IllegalArgumentException("a card keeps six digits of BIN and four last digits, no more");
        }
        if (length < 13 || length > 19 || !brand.equals(brandOf(bin, length))) {
            throw new IllegalArgumentException("length or brand do not fit the BIN");
        }
    }

    public static Optional<Card> parse(String written) {
        if (written == null || written.length() > 40) {
            return Optional.empty();
        }
        String digits = digitsOf(written);
        if (digits == null || digits.length() < 13 || digits.length() > 19 || !luhn(digits)) {
            return Optional.empty();
        }
        String brand = brandOf(digits.substring(0, 6), digits.length());
        if (brand == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Card(brand, digits.substring(0, 6), digits.substring(digits.length() - 4), digits.length()));
    }

    /** The text with every digit but the first six and last four replaced by {@code *}, separators kept. */
    public static String mask(String written) {
        int total = 0;
        for (int i = 0; i < written.length(); i++) {
            total += Character.isDigit(written.charAt(i)) ? 1 : 0;
        }
        StringBuilder masked = new StringBuilder(written.length());
        int seen = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                masked.append(seen <= 6 || seen > total - 4 ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    @Override
    public String normalized() {
        return brand + ":" + bin + "*".repeat(length - 10) + last4;
    }

    @Override
    public Kind kind() {
        return Kind.CARD;
    }

    private static String digitsOf(String written) {
        StringBuilder digits = new StringBuilder(19);
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' && c != '\u00a0') {
                return null;
            }
        }
        return digits.toString();
    }

    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** The brand by IIN range and length, or null; the most specific ranges are tested first. */
    static String brandOf(String bin, int length) {
        int two = Integer.parseInt(bin.substring(0, 2));
        int three = Integer.parseInt(bin.substring(0, 3));
        int four = Integer.parseInt(bin.substring(0, 4));
        if ((two == 34 || two == 37) && length == 15) {
            return "amex";
        }
        if (two >= 51 && two <= 55 || four >= 2221 && four <= 2720) {
            return length == 16 ? "mastercard" : null;
        }
        if (bin.charAt(0) == '4') {
            return length == 13 || length == 16 || length == 19 ? "visa" : null;
        }
        if (four == 6011 || two == 65 || (three >= 644 && three <= 649)) {
            return length >= 16 ? "discover" : null;
        }
        if (four >= 3528 && four <= 3589) {
            return length >= 16 ? "jcb" : null;
        }
        if ((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) {
            return length >= 14 ? "diners" : null;
        }
        if (two == 62) {
            return length >= 16 ? "unionpay" : null;
        }
        if (two == 50 || (two >= 56 && two <= 69)) {
            return "maestro";
        }
        return null;
    }
}
