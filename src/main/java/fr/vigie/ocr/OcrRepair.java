package fr.vigie.ocr;

import fr.vigie.identifier.Btc;
import fr.vigie.identifier.Eth;
import fr.vigie.identifier.Iban;
import fr.vigie.identifier.Trx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters OCR confuses (0/O, 1/l/I) put right in wallets and IBANs, only where the identifier's own checksum
 * proves the repair: a token whose checksum fails as read, and passes with exactly one combination of readings, is
 * replaced; anything else is left as read. A checksum-less identifier (a phone, a link) is never touched.
 */
final class OcrRepair {
    /** At most this many ambiguous characters are tried in one token (3^8 checksum tests at worst). */
    private static final int MAX_AMBIGUOUS = 8;

    private static final Pattern BECH32 = Pattern.compile("(?i)\\b(bc|tb)[1li]([a-z0-9]{20,90})\\b");
    private static final Pattern ETH = Pattern.compile("\\b0[xX]([0-9a-fA-FOoIl]{40})\\b");
    private static final Pattern BASE58 = Pattern.compile("\\b[13T][1-9A-Za-z0]{25,34}\\b");
    private static final Pattern IBAN =
            Pattern.compile("\\b[A-Z]{2}[0-9OIl]{2}(?: ?[A-Z0-9OIl]{4}){2,7}(?: ?[A-Z0-9OIl]{1,4})?\\b");

    private OcrRepair() {}

    static String repair(String text) {
        String out = replaceAll(text, BECH32, OcrRepair::bech32);
        out = replaceAll(out, ETH, OcrRepair::eth);
        out = replaceAll(out, BASE58, OcrRepair::base58);
        return replaceAll(out, IBAN, OcrRepair::iban);
    }

    private interface Fix {
        Optional<String> apply(Matcher m);
    }

    private static String replaceAll(String text, Pattern pattern, Fix fix) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(fix.apply(m).orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Bech32 has no 1, b, i or o after its separator: each such reading has one right answer. When the checksum still
     * fails, the readings OCR confuses inside the alphabet (s/5, z/2, g/9, q/g) are tried at up to two places, with
     * or without one character read twice; Bech32's checksum detects any four errors, so one valid reading only is
     * accepted.
     */
    private static Optional<String> bech32(Matcher m) {
        if (Btc.parse(m.group()).isPresent()) {
            return Optional.empty();
        }
        StringBuilder data = new StringBuilder();
        for (char c : m.group(2).toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            data.append(
                    switch (c) {
                        case 'o' -> '0';
                        case '1', 'i' -> 'l';
                        case 'b' -> '6';
                        default -> c;
                    });
        }
        String prefix = m.group(1).toLowerCase(java.util.Locale.ROOT) + "1";
        if (Btc.parse(prefix + data).isPresent()) {
            return Optional.of(prefix + data);
        }
        List<String> shapes = new ArrayList<>();
        shapes.add(data.toString());
        for (int i = 0; i < data.length(); i++) {
            shapes.add(data.substring(0, i) + data.substring(i + 1)); // one character read twice
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        for (String shape : shapes) {
            unique(
                            shape,
                            c -> switch (c) {
                                case 's' -> "s5";
                                case '5' -> "5s";
                                case 'z' -> "z2";
                                case '2' -> "2z";
                                case 'g' -> "g9q";
                                case '9' -> "9g";
                                case 'q' -> "qg";
                                default -> null;
                            },
                            s -> Btc.parse(prefix + s).isPresent(),
                            2)
                    .ifPresent(s -> found.add(prefix + s));
            if (found.size() > 1) {
                return Optional.empty();
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Hex has no O, o, I or l; OCR cannot see case reliably, so a mixed case that fails EIP-55 is read lower-case. */
    private static Optional<String> eth(Matcher m) {
        if (Eth.parse(m.group()).isPresent()) {
            return Optional.empty();
        }
        String hex =
                m.group(1).replace('O', '0').replace('o', '0').replace('I', '1').replace('l', '1');
        String fixed = "0x" + hex;
        if (Eth.parse(fixed).isPresent()) {
            return Optional.of(fixed);
        }
        String lower = fixed.toLowerCase(java.util.Locale.ROOT);
        return Eth.parse(lower).isPresent() ? Optional.of(lower) : Optional.empty();
    }

    /** Base58 has no 0, O, I or l: each is tried as what it may have been, kept only if one reading checks. */
    private static Optional<String> base58(Matcher m) {
        String token = m.group();
        Predicate<String> valid =
                s -> s.startsWith("T") ? Trx.parse(s).isPresent() : Btc.parse(s).isPresent();
        if (valid.test(token)) {
            return Optional.empty();
        }
        return unique(
                token,
                c -> switch (c) {
                    case '0', 'O' -> "o";
                    case 'I', 'l' -> "1iL";
                    default -> null;
                },
                valid);
    }

    /** An IBAN's check digits and numbers: O read for 0, I or l for 1. */
    private static Optional<String> iban(Matcher m) {
        String token = m.group();
        Predicate<String> valid = s -> Iban.parse(s).isPresent();
        if (valid.test(token)) {
            return Optional.empty();
        }
        return unique(
                token,
                c -> switch (c) {
                    case 'O' -> "0O";
                    case 'I', 'l' -> "1I";
                    default -> null;
                },
                valid);
    }

    private interface Readings {
        String of(char c);
    }

    /** The one combination of readings that passes {@code valid}; empty when none or several do. */
    private static Optional<String> unique(String token, Readings readings, Predicate<String> valid) {
        return unique(token, readings, valid, MAX_AMBIGUOUS);
    }

    /** As above, changing at most {@code maxChanges} characters from what was read. */
    private static Optional<String> unique(String token, Readings readings, Predicate<String> valid, int maxChanges) {
        List<Integer> ambiguous = new ArrayList<>();
        for (int i = 0; i < token.length(); i++) {
            if (readings.of(token.charAt(i)) != null) {
                ambiguous.add(i);
            }
        }
        if (ambiguous.isEmpty() || (maxChanges == MAX_AMBIGUOUS && ambiguous.size() > MAX_AMBIGUOUS)) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        char[] chars = token.toCharArray();
        search(chars, ambiguous, 0, maxChanges, readings, valid, found);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static void search(
            char[] chars,
            List<Integer> ambiguous,
            int k,
            int changesLeft,
            Readings readings,
            Predicate<String> valid,
            List<String> found) {
        if (found.size() > 1) {
            return;
        }
        if (k == ambiguous.size() || changesLeft == 0) {
            String candidate = new String(chars);
            if (valid.test(candidate)) {
                found.add(candidate);
            }
            return;
        }
        int at = ambiguous.get(k);
        char original = chars[at];
        for (char c : readings.of(original).toCharArray()) {
            chars[at] = c;
            search(chars, ambiguous, k + 1, c == original ? changesLeft : changesLeft - 1, readings, valid, found);
        }
        chars[at] = original;
    }
}
