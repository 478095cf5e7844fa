package fr.vigie.identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
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
    /** Groups of letters and digits joined by a single space or dash; the separator is required, so no ambiguity. */
    private static final Pattern GROUPS = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*");

    private static final int MAX_GROUPS = 5;

    @Override
    public void extract(String text, Candidates out) {
        Mentions brands = Mentions.find(BRANDS, text);
        if (brands.isEmpty()) {
            return;
        }
        for (Mentions.Mention mention : brands.all()) {
            String brand = brandId(mention.word());
            int from = Math.max(0, mention.start() - CONTEXT);
            int to = Math.min(text.length(), mention.end() + CONTEXT);
            Matcher matcher = GROUPS.matcher(text).region(from, to);
            while (matcher.find()) {
                proposeCodes(text, matcher.start(), matcher.end(), brand, out);
            }
        }
    }

    private static String brandId(String word) {
        String compact = word.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        return BRAND_IDS.getOrDefault(compact, compact);
    }

    /**
     * Tries runs of up to {@link #MAX_GROUPS} consecutive groups, longest first, as a code of {@code brand}. A group
     * joins a longer code only if it looks like part of one (a digit, or no lower-case letter), so "codes 3FGH..."
     * is never read as one code.
     */
    private static void proposeCodes(String text, int start, int end, String brand, Candidates out) {
        List<int[]> groups = new ArrayList<>();
        int i = start;
        while (i < end) {
            int groupEnd = i;
            while (groupEnd < end && Chars.isAlnum(text.charAt(groupEnd))) {
                groupEnd++;
            }
            groups.add(new int[] {i, groupEnd});
            i = groupEnd + 1;
        }
        int first = 0;
        while (first < groups.size()) {
            int taken = tryCodesFrom(text, groups, first, brand, out);
            first += Math.max(1, taken);
        }
    }

    /** Proposes the longest code starting at group {@code first}; returns how many groups it used, 0 if none. */
    private static int tryCodesFrom(String text, List<int[]> groups, int first, String brand, Candidates out) {
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
            Optional<Coupon> coupon = Coupon.parse(text.substring(from, to), brand);
            if (coupon.isPresent()) {
                out.add(from, to, coupon.get());
                return candidateLast - first + 1;
            }
        }
        return 0;
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
