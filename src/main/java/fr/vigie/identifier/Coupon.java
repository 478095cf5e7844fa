package fr.vigie.identifier;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A prepaid or gift-card code with its brand, {@code brand:CODE} upper-case without separators
 * ({@code pcs:7K3M9X2QH4}). Issuers do not publish their formats: the lengths below are what victims' reports and
 * retailers' help pages show, and are approximate where marked (docs/IDENTIFIERS.md).
 */
public record Coupon(String brand, String code) implements Identifier {

    /** What a brand's codes look like: their possible lengths and whether letters occur. */
    record Format(Set<Integer> lengths, boolean digitsOnly) {
        boolean accepts(String code) {
            if (!lengths.contains(code.length())) {
                return false;
            }
            int digits = 0;
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                boolean digit = c >= '0' && c <= '9';
                if (!digit && (digitsOnly || c < 'A' || c > 'Z')) {
                    return false;
                }
                digits += digit ? 1 : 0;
            }
            // A code mixes digits in; a word of the right length ("TRANSFERTS") is not a code.
            return digits >= 2;
        }
    }

    /** Brand id to format: the one table to change when a format is learnt better. */
    static final Map<String, Format> FORMATS = Map.of(
            "pcs", new Format(Set.of(10, 11, 12), false), // approximate
            "transcash", new Format(Set.of(10, 11, 12), false), // approximate
            "neosurf", new Format(Set.of(10), false),
            "paysafecard", new Format(Set.of(16), true),
            "googleplay", new Format(Set.of(16, 20), false),
            "apple", new Format(Set.of(16), false),
            "amazon", new Format(Set.of(14, 15), false),
            "steam", new Format(Set.of(15), false));

    public Coupon {
        if (brand == null
                || code == null
                || !FORMATS.containsKey(brand)
                || !FORMATS.get(brand).accepts(code)) {
            throw new IllegalArgumentException("not a plausible code for this brand");
        }
    }

    /** {@code written}: the code as written (separators allowed); {@code brand}: an id of {@link #brands()}. */
    public static Optional<Coupon> parse(String written, String brand) {
        if (written == null || brand == null || written.length() > 40) {
            return Optional.empty();
        }
        String brandId = brand.toLowerCase(Locale.ROOT);
        Format format = FORMATS.get(brandId);
        if (format == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(20);
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                code.append(Character.toUpperCase(c));
            } else if (c != ' ' && c != '-' && c != '.') {
                return Optional.empty();
            }
        }
        String text = code.toString();
        return format.accepts(text) ? Optional.of(new Coupon(brandId, text)) : Optional.empty();
    }

    /** {@code brand:CODE}, the normal form itself, as an analyst would type it. */
    public static Optional<Coupon> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        int colon = written.indexOf(':');
        return colon > 0
                ? parse(
                        written.substring(colon + 1),
                        written.substring(0, colon).strip())
                : Optional.empty();
    }

    public static Set<String> brands() {
        return FORMATS.keySet();
    }

    @Override
    public String normalized() {
        return brand + ":" + code;
    }

    @Override
    public Kind kind() {
        return Kind.COUPON;
    }
}
