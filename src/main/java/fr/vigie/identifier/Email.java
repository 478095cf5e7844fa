package fr.vigie.identifier;

import java.util.Locale;
import java.util.Optional;

/**
 * An e-mail address: lower-case, domain in ASCII (IDNA), and the local part as the provider sees it (dots and
 * {@code +tag} removed where {@link EmailProviders} says the provider ignores them). Quoted local parts and
 * address literals ({@code user@[1.2.3.4]}) are not recognised.
 */
public record Email(String normalized, Domain domain) implements Identifier {
    private static final int MAX_LOCAL = 64;

    public Email {
        if (domain == null || normalized == null || !normalized.endsWith("@" + domain.normalized())) {
            throw new IllegalArgumentException("an e-mail's domain must be its own");
        }
        if (!isLocalPart(normalized.substring(
                0, normalized.length() - domain.normalized().length() - 1))) {
            throw new IllegalArgumentException("not a normal e-mail local part");
        }
    }

    public static Optional<Email> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String text = written.strip();
        if (text.startsWith("mailto:") || text.startsWith("MAILTO:")) {
            text = text.substring(7);
        }
        int at = text.lastIndexOf('@');
        if (at < 1 || at == text.length() - 1) {
            return Optional.empty();
        }
        String local = text.substring(0, at).toLowerCase(Locale.ROOT);
        if (!isLocalPart(local)) {
            return Optional.empty();
        }
        Optional<Domain> parsedDomain = Domain.parse(text.substring(at + 1));
        if (parsedDomain.isEmpty()) {
            return Optional.empty();
        }
        String canonical = EmailProviders.canonical(local, parsedDomain.get().normalized());
        String canonicalDomain = canonical.substring(canonical.indexOf('@') + 1);
        Domain domain = canonicalDomain.equals(parsedDomain.get().normalized())
                ? parsedDomain.get()
                : Domain.parse(canonicalDomain).orElseThrow();
        return Optional.of(new Email(canonical, domain));
    }

    public String localPart() {
        return normalized.substring(0, normalized.lastIndexOf('@'));
    }

    @Override
    public Kind kind() {
        return Kind.EMAIL;
    }

    /** RFC 5322 dot-atom, lower-case only: no leading, trailing or double dot. */
    static boolean isLocalPart(String local) {
        if (local.isEmpty() || local.length() > MAX_LOCAL || local.startsWith(".") || local.endsWith(".")) {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!isLocalChar(c) || (c >= 'A' && c <= 'Z') || (c == '.' && previous == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0;
    }
}
