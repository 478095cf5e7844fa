package fr.vigie.identifier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name a scammer used ("Capitaine Martin"): lower-case, accents folded, whitespace collapsed
 * ({@code capitaine martin}). A weak link only: many people share a name, and scammers share fake ones.
 */
public record Alias(String normalized) implements Identifier {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NORMAL = Pattern.compile("\\p{L}[\\p{L}'.-]*(?: \\p{L}[\\p{L}'.-]*){0,5}");

    public Alias {
        if (normalized == null || normalized.length() < 2 || normalized.length() > 80) {
            throw new IllegalArgumentException("an alias is 2 to 80 characters");
        }
        if (!NORMAL.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not an alias in normal form");
        }
    }

    public static Optional<Alias> parse(String written) {
        if (written == null || written.length() > 120) {
            return Optional.empty();
        }
        String folded = MARKS.matcher(Normalizer.normalize(written, Normalizer.Form.NFD))
                .replaceAll("")
                .replace('\u2019', '\'')
                .toLowerCase(Locale.ROOT);
        String collapsed = SPACES.matcher(folded).replaceAll(" ").strip();
        if (collapsed.length() < 2
                || collapsed.length() > 80
                || !NORMAL.matcher(collapsed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Alias(collapsed));
    }

    @Override
    public Kind kind() {
        return Kind.ALIAS;
    }
}
