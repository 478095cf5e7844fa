package fr.vigie.identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Prepaid and gift-card codes. A code is only taken when its brand is named within {@link #CONTEXT} characters
 * and it fits that brand's format ({@link Coupon#FORMATS}). Pre-filter: a brand word anywhere in the text.
 */
final class CouponExtractor implements Extractor {
    static final int CONTEXT = 120;
    private static final Pattern BRANDS = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d])(?:pcs|transcash|neosurf|paysafe\\s?card|paysafe|google\\s?play|itunes|apple"
                    + "|amazon|steam)(?![\\p{L}\\d])");
    private static final Map<String, String> BRAND_IDS = Map.of("paysafe", "paysafecard", "itunes", "apple");

    private static final int MAX_GROUPS = 5;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Override
    public void extract(String text, Candidates out) {
        Mentions brands = Mentions.find(
                BRANDS,
                text,
                out,
                "pcs",
                "transcash",
                "neosurf",
                "paysafe",
                "google",
                "itunes",
                "apple",
                "amazon",
                "steam");
        if (brands.isEmpty()) {
            return;
        }
        // Windows around mentions are merged, so text between close mentions is read once, not once per mention.
        int windowStart = -1;
        int windowEnd = -1;
        for (Mentions.Mention mention : brands.all()) {
            int from = Math.max(0, mention.start() - CONTEXT);
            int to = Math.min(text.length(), mention.end() + CONTEXT);
            if (from > windowEnd) {
                readWindow(text, windowStart, windowEnd, brands, out);
                windowStart = from;
            }
            windowEnd = Math.max(windowEnd, to);
        }
        readWindow(text, windowStart, windowEnd, brands, out);
    }

    /**
     * Reads the window as sequences of letter-digit groups joined by one space or dash (a scan, not a regex: a
     * repeated regex group recurses once per repetition and overflows the stack on long sequences).
     */
    private static void readWindow(String text, int from, int to, Mentions brands, Candidates out) {
        if (from < 0) {
            return;
        }
        List<int[]> groups = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (!Chars.isAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int groupEnd = i;
            while (groupEnd < to && Chars.isAlnum(text.charAt(groupEnd))) {
                groupEnd++;
            }
            groups.add(new int[] {i, groupEnd});
            boolean joined = groupEnd + 1 < to
                    && (text.charAt(groupEnd) == ' ' || text.charAt(groupEnd) == '-')
                    && Chars.isAlnum(text.charAt(groupEnd + 1));
            if (!joined) {
                proposeCodes(text, groups, brands, out);
                groups.clear();
            }
            i = groupEnd + 1;
        }
        proposeCodes(text, groups, brands, out);
    }

    private static String brandId(String word) {
        String compact = SPACES.matcher(word).replaceAll("").toLowerCase(Locale.ROOT);
        return BRAND_IDS.getOrDefault(compact, compact);
    }

    /**
     * Tries runs of up to {@link #MAX_GROUPS} consecutive groups, longest first, as a code of the nearest brand. A group
     * joins a longer code only if it looks like part of one (a digit, or no lower-case letter), so "codes 3FGH..."
     * is never read as one code.
     */
    private static void proposeCodes(String text, List<int[]> groups, Mentions brands, Candidates out) {
        int first = 0;
        while (first < groups.size()) {
            int taken = tryCodesFrom(text, groups, first, brands, out);
            first += Math.max(1, taken);
        }
    }

    /** Proposes the longest code starting at group {@code first}; returns how many groups it used, 0 if none. */
    private static int tryCodesFrom(String text, List<int[]> groups, int first, Mentions brands, Candidates out) {
        int last = first;
        while (last + 1 < groups.size() && last + 1 - first < MAX_GROUPS && looksLikeCodePart(text, groups, last + 1)) {
            last++;
        }
        if (last > first && !looksLikeCodePart(text, groups, first)) {
            last = first;
        }
        for (int candidateLast = last; candidateLast >= first; candidateLast--) {
            int from = groups.get(first)[0];
            int to = groups.get(candidateLast)[1];
            if (to - from > 40) {
                continue;
            }
            Mentions.Mention brand = brands.nearest(from, to, CONTEXT);
            if (brand == null || writtenLikeAPhoneNumber(groups, first, candidateLast)) {
                continue;
            }
            Optional<Coupon> coupon = Coupon.parse(text.substring(from, to), brandId(brand.word()));
            if (coupon.isPresent()) {
                out.add(from, to, coupon.get());
                return candidateLast - first + 1;
            }
        }
        return 0;
    }

    /**
     * "06 12 34 56 78" next to "coupons PCS" is the scammer's phone, not a code: digits in pairs are how phone
     * numbers are written, never how prepaid codes are printed.
     */
    private static boolean writtenLikeAPhoneNumber(List<int[]> groups, int first, int last) {
        if (last - first < 3) {
            return false;
        }
        for (int g = first; g <= last; g++) {
            if (groups.get(g)[1] - groups.get(g)[0] != 2) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeCodePart(String text, List<int[]> groups, int index) {
        boolean lower = false;
        for (int k = groups.get(index)[0]; k < groups.get(index)[1]; k++) {
            char c = text.charAt(k);
            if (Chars.isDigit(c)) {
                return true;
            }
            lower |= c >= 'a' && c <= 'z';
        }
        return !lower;
    }
}
