package fr.vigie.identifier;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A host name: lower-case, ASCII (IDNA), no trailing dot. {@code registrable} is the registrable domain from the
 * public-suffix list bundled in Guava ({@code secure-ameli.fr} for {@code www.secure-ameli.fr}), or {@code null}
 * when the name is itself a public suffix or not under a known one.
 */
public record Domain(String normalized, String registrable) implements Identifier {
    /**
     * The latest answers, by the text's hash: the same hosts recur in every message (relays, senders, the links of
     * one newsletter) and a public-suffix look-up costs microseconds. The answer depends on the text alone, so a
     * slot overwritten by another thread only costs a look-up again.
     */
    private static final AtomicReferenceArray<Answer> RECENT = new AtomicReferenceArray<>(1024);

    private static final int MAX_CACHED_TEXT = 256;

    private record Answer(String text, Optional<Domain> domain) {}

    public static Optional<Domain> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > MAX_CACHED_TEXT) {
            return read(text);
        }
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (RECENT.length() - 1);
        Answer recent = RECENT.get(slot);
        if (recent != null && recent.text().equals(text)) {
            return recent.domain();
        }
        Optional<Domain> domain = read(text);
        RECENT.set(slot, new Answer(text, domain));
        return domain;
    }

    private static Optional<Domain> read(String text) {
        String t = text.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 253 || t.indexOf('.') < 0) {
            return Optional.empty();
        }
        String ascii;
        try {
            // IDNA only for names that need it: almost every host in mail is plain ASCII already.
            ascii = isPlainAscii(t)
                    ? t.toLowerCase(Locale.ROOT)
                    : IDN.toASCII(t, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (endsWithDigitLabel(ascii) && Ip.parse(ascii).isPresent()) {
            return Optional.empty();
        }
        if (!mayBeDomainName(ascii)) {
            return Optional.empty();
        }
        InternetDomainName name;
        try {
            name = InternetDomainName.from(ascii);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!name.hasPublicSuffix()) {
            return Optional.empty();
        }
        String registrable =
                name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : null;
        return Optional.of(new Domain(ascii, registrable));
    }

    /**
     * False only where {@link InternetDomainName#from} would refuse the name by its own syntax rules (a label empty,
     * over 63 chars, with a char other than a letter, digit, '-' or '_', or starting or ending with '-' or '_'; a
     * last label starting with a digit; over 253 chars or 127 labels): a refusal is then not an exception, whose
     * stack trace costs more than the look-up. Anything unusual is left to Guava to decide.
     */
    static boolean mayBeDomainName(String ascii) {
        int length = ascii.length();
        if (length == 0 || ascii.charAt(length - 1) == '.') {
            return true;
        }
        for (int i = 0; i < length; i++) {
            if (ascii.charAt(i) >= 0x80) {
                return true;
            }
        }
        if (length > 253) {
            return false;
        }
        int labels = 0;
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || ascii.charAt(i) == '.') {
                if (!mayBeLabel(ascii, start, i, i == length)) {
                    return false;
                }
                labels++;
                start = i + 1;
            }
        }
        return labels <= 127;
    }

    private static boolean mayBeLabel(String s, int start, int end, boolean last) {
        if (end - start < 1 || end - start > 63) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            boolean allowed =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        char first = s.charAt(start);
        char lastChar = s.charAt(end - 1);
        if (first == '-' || first == '_' || lastChar == '-' || lastChar == '_') {
            return false;
        }
        return !(last && first >= '0' && first <= '9');
    }

    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Only a name whose last label is numeric can be an IPv4 literal. */
    private static boolean endsWithDigitLabel(String s) {
        char last = s.charAt(s.length() - 1);
        return last >= '0' && last <= '9';
    }

    @Override
    public Kind kind() {
        return Kind.DOMAIN;
    }

    /** The registrable domain if known, else the name itself: what two hosts are compared by. */
    public String organisation() {
        return registrable != null ? registrable : normalized;
    }
}
