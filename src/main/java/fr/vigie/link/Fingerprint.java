package fr.vigie.link;

import fr.vigie.text.NormalisedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message template's fingerprint: a 64-bit SimHash (Charikar) over the shingles of {@value #SHINGLE} words of
 * the message's normalised text (look-alike letters, accents and case folded), where whatever a scammer changes
 * between victims is masked first: a word with a digit (amounts, wallets, IBANs, dates, phone numbers, case numbers)
 * becomes {@code #}, one with {@code @} (e-mail addresses, handles) {@code @}, a link or host name {@code /}, a
 * capitalised word inside a sentence (a name) or a salutation ("Monsieur", "Madame") {@code N}; a run of one mask is
 * one slot, currency words go, and a final "s" and "e" are dropped (agreement with each victim). The same sextortion
 * letter with another name, amount, wallet and address so gets the same fingerprint, and a changed word or two move
 * it by a few bits only.
 *
 * <p>Two fingerprints are the same template when at most {@value #MAX_DISTANCE} bits differ. The 64 bits are cut in
 * {@value #BANDS} bands of 16: two fingerprints at most 3 bits apart agree on at least one whole band (4 bands, 3
 * differing bits: one band is left untouched), so the store finds every candidate by an exact lookup of
 * {@link #bandKeys()} and confirms it with {@link #near}: the bits within {@value #MAX_DISTANCE}, and these with a
 * second SimHash of the same shingles under another hash ({@code check}) within {@value #MAX_CHECKED_DISTANCE} of
 * 128 (a letter with another greeting and coin: 1 + 5). The check is there for short letters that share most of
 * their words: two different campaigns' 45-word letters built on one model land 3 bits apart about once in a few
 * million pairs, which a million reports make happen (bench links joined unrelated campaigns so); 128 bits within 8,
 * about once in 10^11. A text of fewer than {@value #MIN_WORDS} words (an
 * SMS) gets no fingerprint: too few shingles for near to mean same. Only the first {@link #MAX_CHARS} chars are
 * read.
 *
 * <p>{@link #VERSION} names this algorithm; stored fingerprints of another version must be computed again.
 */
public record Fingerprint(long bits, long check) {
    public static final int VERSION = 2;
    public static final int SHINGLE = 3;
    public static final int MIN_WORDS = 30;
    /**
     * Only a text's first 64 K chars are read: a template is a letter of a few K, and a 50 MB body must not cost
     * 50 MB of shingles.
     */
    public static final int MAX_CHARS = 64 * 1024;

    public static final int BANDS = 4;
    public static final int BAND_BITS = 64 / BANDS;
    public static final int MAX_DISTANCE = BANDS - 1;
    /** The most bits that may differ over the bits and the check together (128). */
    public static final int MAX_CHECKED_DISTANCE = 8;

    /**
     * A host name or link without a scheme ({@code secure-ameli[.]fr/login}): a dot, plain or defanged, then two
     * letters (so "2.300" stays an amount). Over-masking a word ("fin.voila") costs nothing: every variant masks it
     * alike.
     */
    private static final Pattern HOST = Pattern.compile("[\\p{L}0-9](\\.|\\[\\.\\])\\p{L}{2}");

    /** Greetings that change with the victim ("Monsieur"/"Madame"): a name slot, like the name after them. */
    private static final Set<String> SALUTATIONS =
            Set.of("monsieur", "madame", "mademoiselle", "m", "mme", "mlle", "mr", "mrs", "ms", "miss", "sir", "madam");

    /** Currency words beside an amount ("1250 EUR", "USD 980", "$980"): part of the amount's slot, dropped. */
    private static final Set<String> CURRENCIES =
            Set.of("eur", "euro", "usd", "dollar", "gbp", "chf", "cad", "btc", "xbt", "eth", "usdt");

    /**
     * Fingerprints as the store keeps them beside a report: {@link #VERSION}, a colon, then 32 hex digits each (the
     * bits, then the check). A rebuild reads them instead of reading and fingerprinting every text again.
     */
    public static String encode(List<Fingerprint> prints) {
        StringBuilder out =
                new StringBuilder(2 + 32 * prints.size()).append(VERSION).append(':');
        for (Fingerprint print : prints) {
            out.append(hex(print.bits())).append(hex(print.check()));
        }
        return out.toString();
    }

    /**
     * The fingerprints {@link #encode} wrote, or empty when they were written by another version of the algorithm
     * (or are not in that form): they must then be computed again from the texts.
     */
    public static Optional<List<Fingerprint>> decode(String stored) {
        String prefix = VERSION + ":";
        if (stored == null || !stored.startsWith(prefix) || (stored.length() - prefix.length()) % 32 != 0) {
            return Optional.empty();
        }
        List<Fingerprint> prints = new ArrayList<>();
        try {
            for (int at = prefix.length(); at < stored.length(); at += 32) {
                prints.add(new Fingerprint(
                        Long.parseUnsignedLong(stored, at, at + 16, 16),
                        Long.parseUnsignedLong(stored, at + 16, at + 32, 16)));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(prints);
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }

    /** The fingerprint of a message text, or empty when the text is too short to be a template. */
    public static Optional<Fingerprint> of(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return Optional.empty();
        }
        // Each shingle's hash as hash(String.join(" ", its words)) gives it, without building the string; distinct
        // shingles are distinct hashes (sorted, repeats skipped).
        long[] shingles = new long[words.size() - SHINGLE + 1];
        for (int i = 0; i < shingles.length; i++) {
            long h = FNV_OFFSET;
            for (int k = 0; k < SHINGLE; k++) {
                if (k > 0) {
                    h = (h ^ ' ') * FNV_PRIME;
                }
                String word = words.get(i + k);
                for (int c = 0; c < word.length(); c++) {
                    h = (h ^ word.charAt(c)) * FNV_PRIME;
                }
            }
            shingles[i] = mix(h);
        }
        Arrays.sort(shingles);
        int[] votes = new int[64];
        int[] checkVotes = new int[64];
        for (int i = 0; i < shingles.length; i++) {
            if (i > 0 && shingles[i] == shingles[i - 1]) {
                continue;
            }
            long hash = shingles[i];
            long other = mix(hash + 0x9e3779b97f4a7c15L);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
                checkVotes[bit] += ((other >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        return Optional.of(new Fingerprint(majority(votes), majority(checkVotes)));
    }

    private static long majority(int[] votes) {
        long bits = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                bits |= 1L << bit;
            }
        }
        return bits;
    }

    /** How many bits differ (the bits that are looked up by band; {@link #near} checks the second half too). */
    public int distance(Fingerprint other) {
        return Long.bitCount(bits ^ other.bits);
    }

    /**
     * The same template: at most {@link #MAX_DISTANCE} bits apart, and {@link #MAX_CHECKED_DISTANCE} over the bits
     * and the check together.
     */
    public boolean near(Fingerprint other) {
        int distance = distance(other);
        return distance <= MAX_DISTANCE && distance + Long.bitCount(check ^ other.check) <= MAX_CHECKED_DISTANCE;
    }

    /**
     * One key per band, the band's number in the high bits so that equal bits in different bands never meet:
     * {@code band << 16 | bits of the band}. The store posts (key, report) for each.
     */
    public int[] bandKeys() {
        int[] keys = new int[BANDS];
        for (int band = 0; band < BANDS; band++) {
            int value = (int) ((bits >>> (band * BAND_BITS)) & ((1L << BAND_BITS) - 1));
            keys[band] = (band << BAND_BITS) | value;
        }
        return keys;
    }

    /** The masked words of a text, in order. */
    static List<String> words(String whole) {
        String text = whole.length() > MAX_CHARS ? whole.substring(0, MAX_CHARS) : whole;
        NormalisedText normalised = NormalisedText.of(text);
        String folded = normalised.text();
        List<String> words = new ArrayList<>();
        int start = 0;
        while (start < folded.length()) {
            int end = folded.indexOf(' ', start);
            end = end < 0 ? folded.length() : end;
            String token = folded.substring(start, end);
            int original = normalised.originalStart(start);
            if (!token.isEmpty()) {
                add(token, isName(text, original), words);
            }
            start = end + 1;
        }
        return words;
    }

    private static void add(String token, boolean name, List<String> words) {
        String mask;
        if (token.indexOf('@') >= 0) {
            mask = "@";
        } else if (token.contains("://")
                || token.startsWith("www.")
                || HOST.matcher(token).find()) {
            mask = "/";
        } else if (hasDigit(token)) {
            mask = "#";
        } else if (CURRENCIES.contains(fold(stripPunctuation(token)))) {
            return;
        } else if (name || SALUTATIONS.contains(stripPunctuation(token))) {
            mask = "N";
        } else {
            addLetterRuns(token, words);
            return;
        }
        // "Pierre Lefèvre", "1 250": one slot however many words fill it.
        if (words.isEmpty() || !words.getLast().equals(mask)) {
            words.add(mask);
        }
    }

    /**
     * A capitalised word inside a sentence is a name (the victim's, a fake officer's): it varies per victim. A
     * capitalised word that starts a line or follows {@code . ! ?} is just a sentence's start.
     */
    private static boolean isName(String text, int at) {
        if (!Character.isUpperCase(text.codePointAt(at))) {
            return false;
        }
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?') {
                return false;
            }
            if (!Character.isWhitespace(c) && c != '"' && c != '\u00ab' && c != '(') {
                return true;
            }
        }
        return false;
    }

    private static String stripPunctuation(String token) {
        int end = token.length();
        while (end > 0 && !Character.isLetter(token.charAt(end - 1))) {
            end--;
        }
        return token.substring(0, end);
    }

    private static boolean hasDigit(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "l'argent," gives "l" and "argent": punctuation never makes two words differ. */
    private static void addLetterRuns(String token, List<String> words) {
        int start = -1;
        for (int i = 0; i <= token.length(); i++) {
            boolean letter = i < token.length() && Character.isLetter(token.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                String word = fold(token.substring(start, i));
                if (!CURRENCIES.contains(word)) {
                    words.add(word);
                }
                start = -1;
            }
        }
    }

    /**
     * A final {@code s} then {@code e} dropped from words of 4 letters or more: "poursuivie" and "poursuivi", "videos"
     * and "video" meet, so a letter's gender and number agreement with each victim moves nothing.
     */
    static String fold(String word) {
        String w = word;
        if (w.length() > 3 && w.endsWith("s")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** FNV-1a over the chars, then MurmurHash3's finaliser so that every input bit moves every output bit. */
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    private static final long FNV_PRIME = 0x100000001b3L;

    static long hash(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser: every input bit moves about half the output bits. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb53a5a7e1f4bL;
        h ^= h >>> 33;
        return h;
    }
}
