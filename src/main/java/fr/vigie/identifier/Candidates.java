package fr.vigie.identifier;

import fr.vigie.message.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identifiers the extractors propose, with where they are, and the rule that settles overlaps: where two
 * proposals overlap, the stronger kind wins (a URL over the domain and digits inside it, an e-mail over its domain,
 * an IBAN over the digits in it...). Identifiers proposed together (a wa.me link and its phone) share one fate.
 * Not thread-safe: one instance per extraction.
 */
final class Candidates {
    /** Strongest first. A kind absent from the list never overlaps another. */
    private static final List<Kind> STRENGTH = List.of(
            Kind.URL,
            Kind.EMAIL,
            Kind.IBAN,
            Kind.BTC,
            Kind.ETH,
            Kind.TRX,
            Kind.COUPON,
            Kind.CARD,
            Kind.MTCN,
            Kind.HANDLE,
            Kind.PHONE,
            Kind.IP,
            Kind.DOMAIN,
            Kind.ALIAS);

    private record Candidate(int start, int end, int rank, List<Identifier> identifiers) {}

    private final Deobfuscated source;
    private final String defaultRegion;
    private final List<Candidate> proposed = new ArrayList<>();

    private String lower;

    Candidates(Deobfuscated source, String defaultRegion) {
        this.source = source;
        this.defaultRegion = defaultRegion;
    }

    /**
     * The text lower-cased, computed once per text: extractors find their context words in it with
     * {@link String#indexOf} (vectorised) and try their case-insensitive patterns only there. Its offsets are the
     * text's only when both have the same length (lower-casing a few rare letters changes it).
     */
    String lower() {
        if (lower == null) {
            lower = source.text().toLowerCase(java.util.Locale.ROOT);
        }
        return lower;
    }

    /** Word starts of a text of Latin-1 characters only, computed once; {@link #NOT_LATIN1} otherwise. */
    private int[] wordStarts;

    private static final int[] NOT_LATIN1 = new int[0];

    /**
     * Where the context words {@code words} (lower-case, each starting with an ASCII letter) occur in the text in
     * any case, ascending; an occurrence right after a letter may be left out, as no extractor takes a word glued to
     * a letter. Null when lower-casing the text changes its offsets (the caller then reads the whole text).
     *
     * <p>Found in one pass over the text shared by every family of words, at the starts of words only: one
     * {@link String#indexOf} per word cost more than the rest of the extraction in short texts (headers, links),
     * and lower-casing the whole text for it was a copy of each.
     */
    int[] wordsAt(String... words) {
        int[] starts = wordStarts();
        if (starts == NOT_LATIN1 || !startWithAsciiLetters(words)) {
            String lower = lower();
            return lower.length() == source.text().length() ? Mentions.starts(lower, words) : null;
        }
        String text = source.text();
        int firstLetters = 0; // bit k: some word starts with 'a' + k; most word starts are then refused in one test
        for (String word : words) {
            firstLetters |= 1 << (word.charAt(0) - 'a');
        }
        int[] found = new int[Math.min(starts.length, 16)];
        int count = 0;
        for (int at : starts) {
            char first = (char) (text.charAt(at) | 0x20);
            if ((firstLetters & (1 << (first - 'a'))) == 0) {
                continue;
            }
            for (String word : words) {
                if (word.charAt(0) == first && occursAt(text, at, word)) {
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, Math.min(starts.length, count * 2));
                    }
                    found[count++] = at;
                    break;
                }
            }
        }
        return count == found.length ? found : java.util.Arrays.copyOf(found, count);
    }

    /** Whether a letter precedes {@code at} in the lower-cased text (a Latin-1 letter stays a letter lower-cased). */
    boolean letterBefore(int at) {
        if (at <= 0) {
            return false;
        }
        return wordStarts() == NOT_LATIN1
                ? Character.isLetter(lower().charAt(at - 1))
                : Character.isLetter(source.text().charAt(at - 1));
    }

    /**
     * The offsets of the ASCII letters not preceded by a letter, when every character is Latin-1: there
     * {@link String#toLowerCase} lower-cases character by character and keeps the length, so a word occurs in the
     * lower-cased text exactly where it occurs here compared character by character.
     */
    private int[] wordStarts() {
        if (wordStarts == null) {
            readOnce();
        }
        return wordStarts;
    }

    private int digits;
    private int dots;
    private int colons;
    private int longestAlnumRun;

    /** ASCII digits in the text: fewer than a kind needs, and its extractor has nothing to read. */
    int digits() {
        wordStarts();
        return digits;
    }

    int dots() {
        wordStarts();
        return dots;
    }

    int colons() {
        wordStarts();
        return colons;
    }

    /** The longest run of ASCII letters and digits. */
    int longestAlnumRun() {
        wordStarts();
        return longestAlnumRun;
    }

    /**
     * One pass over the text for what the extractors ask before reading it (most short texts, a header or a link,
     * hold no phone, card or wallet at all, and a whole scan each told them so) and for the word starts.
     */
    private void readOnce() {
        String text = source.text();
        int length = text.length();
        int[] starts = new int[Math.min(64, length / 2 + 1)];
        int count = 0;
        boolean latin1 = true;
        boolean afterLetter = false;
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean letter = Chars.isLetter(c);
            if (letter || Chars.isDigit(c)) {
                run++;
                longestAlnumRun = Math.max(longestAlnumRun, run);
                digits += letter ? 0 : 1;
            } else {
                run = 0;
                dots += c == '.' ? 1 : 0;
                colons += c == ':' ? 1 : 0;
                latin1 &= c < 256;
            }
            if (letter && !afterLetter && latin1) {
                if (count == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, Math.min(length / 2 + 1, count * 2));
                }
                starts[count++] = i;
            }
            afterLetter = letter || (c >= 128 && Character.isLetter(c));
        }
        wordStarts = latin1 ? java.util.Arrays.copyOf(starts, count) : NOT_LATIN1;
    }

    private static boolean startWithAsciiLetters(String[] words) {
        for (String word : words) {
            if (word.isEmpty() || word.charAt(0) < 'a' || word.charAt(0) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean occursAt(String text, int at, String word) {
        if (at + word.length() > text.length()) {
            return false;
        }
        for (int k = 1; k < word.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    String defaultRegion() {
        return defaultRegion;
    }

    /** Proposes identifiers found at {@code [start, end)} of the de-obfuscated text; the first one is the main. */
    /**
     * True when a URL or an e-mail address already proposed covers the whole range: whatever weaker kind is there
     * would lose the overlap anyway, so extractors ask before any costly parse (a phone look-up in a tracking link).
     */
    boolean insideLinkOrAddress(int start, int end) {
        for (Candidate c : proposed) {
            if (c.rank() <= 1 && c.start() <= start && end <= c.end()) {
                return true;
            }
        }
        return false;
    }

    void add(int start, int end, List<Identifier> identifiers) {
        if (identifiers.isEmpty() || end <= start) {
            return;
        }
        proposed.add(
                new Candidate(start, end, STRENGTH.indexOf(identifiers.get(0).kind()), identifiers));
    }

    void add(int start, int end, Identifier identifier) {
        add(start, end, List.of(identifier));
    }

    Extraction resolve(String part, int maxIdentifiers) {
        proposed.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparingInt(Candidate::start)
                .thenComparingInt(candidate -> candidate.start() - candidate.end()));
        TreeMap<Integer, Candidate> accepted = new TreeMap<>();
        for (Candidate candidate : proposed) {
            Map.Entry<Integer, Candidate> before = accepted.floorEntry(candidate.end() - 1);
            if (before == null || before.getValue().end() <= candidate.start()) {
                accepted.put(candidate.start(), candidate);
            }
        }
        List<Found> found = new ArrayList<>();
        for (Candidate candidate : accepted.values()) {
            int start = source.originalStart(candidate.start());
            int end = source.originalEnd(candidate.end());
            String written = source.original().substring(start, end);
            for (Identifier identifier : candidate.identifiers()) {
                if (found.size() == maxIdentifiers) {
                    return new Extraction(found, true);
                }
                String shown = identifier instanceof Card ? Card.mask(written) : written;
                found.add(new Found(identifier, shown, new Span(part, start, end)));
            }
        }
        return new Extraction(found, false);
    }
}
