package fr.vigie.identifier;

import java.util.Locale;
import java.util.Optional;
import org.iban4j.CountryCode;
import org.iban4j.IbanUtil;

/**
 * An International Bank Account Number (ISO 13616): upper-case, no separators, mod-97 check digits valid and the
 * length and structure right for its country (iban4j's registry). Shown in groups of four.
 */
public record Iban(String normalized) implements Identifier {
    /**
     * The IBAN length of each country iban4j knows IBANs for, by two-letter code: read once, because iban4j looks a
     * code up with {@code Enum.valueOf}, which throws (and fills a stack trace) for every pair of letters that is no
     * country, and a scanner asks for every capital pair followed by two digits.
     */
    private static final java.util.Map<String, Integer> LENGTHS = java.util.Arrays.stream(CountryCode.values())
            .filter(IbanUtil::isSupportedCountry)
            .collect(java.util.stream.Collectors.toUnmodifiableMap(CountryCode::name, IbanUtil::getIbanLength));

    public Iban {
        if (normalized == null || !IbanUtil.isValid(normalized)) {
            throw new IllegalArgumentException("not a valid IBAN in normal form");
        }
    }

    public static Optional<Iban> parse(String written) {
        if (written == null || written.length() > 64) {
            return Optional.empty();
        }
        StringBuilder compact = new StringBuilder(34);
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                compact.append(Character.toUpperCase(c));
            } else if (c != ' ' && c != '-' && c != '.' && c != '\u00a0') {
                return Optional.empty();
            }
        }
        String text = compact.toString();
        if (text.regionMatches(0, "IBAN", 0, 4)) {
            text = text.substring(4);
        }
        return isValid(text) ? Optional.of(new Iban(text)) : Optional.empty();
    }

    /** The IBAN length of a country, or 0 if IBANs are unknown there; lets a scanner stop at the right place. */
    static int lengthFor(String countryCode) {
        String upper = countryCode.toUpperCase(Locale.ROOT);
        if (upper.length() == 2) {
            return LENGTHS.getOrDefault(upper, 0);
        }
        CountryCode country = CountryCode.getByCode(upper);
        return country != null && IbanUtil.isSupportedCountry(country) ? IbanUtil.getIbanLength(country) : 0;
    }

    private static boolean isValid(String text) {
        if (text.length() < 15 || text.length() > 34 || lengthFor(text.substring(0, 2)) != text.length()) {
            return false;
        }
        return IbanUtil.isValid(text);
    }

    public String country() {
        return normalized.substring(0, 2);
    }

    @Override
    public Kind kind() {
        return Kind.IBAN;
    }

    @Override
    public String display() {
        StringBuilder grouped = new StringBuilder(normalized.length() + 8);
        for (int i = 0; i < normalized.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(normalized, i, Math.min(i + 4, normalized.length()));
        }
        return grouped.toString();
    }
}
