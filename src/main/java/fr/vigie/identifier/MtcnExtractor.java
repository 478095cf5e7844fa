package fr.vigie.identifier;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Western Union MTCNs. Ten digits alone would match every French phone number, so this first looks for the words
 * that name a Western Union transfer, and only reads ten-digit numbers within {@link #CONTEXT} characters of one.
 */
final class MtcnExtractor implements Extractor {
    static final int CONTEXT = 80;
    private static final Pattern CONTEXT_WORDS = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d])(?:mtcn|western\\s?union|wu|money\\s+transfer\\s+control(?:\\s+number)?"
                    + "|num[ée]ro\\s+de\\s+transfert|code\\s+de\\s+transfert|num[ée]ro\\s+mtcn)(?![\\p{L}\\d])");
    // Three-three-four with one optional dash or space between groups: bounded, no backtracking blow-up.
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\d-])\\d{3}[- ]?\\d{3}[- ]?\\d{4}(?![\\d])");

    @Override
    public void extract(String text, Candidates out) {
        if (out.digits() < 10) {
            return; // no ten digits in the whole text: no need to look for the context words
        }
        Mentions mentions =
                Mentions.find(CONTEXT_WORDS, text, out, "mtcn", "western", "wu", "money", "numéro", "numero", "code");
        if (mentions.isEmpty()) {
            return;
        }
        int searchedTo = 0;
        for (Mentions.Mention mention : mentions.all()) {
            int from = Math.max(searchedTo, mention.start() - CONTEXT - 12);
            int to = Math.min(text.length(), mention.end() + CONTEXT + 12);
            if (from >= to) {
                continue;
            }
            Matcher matcher = TEN_DIGITS.matcher(text).region(from, to);
            matcher.useTransparentBounds(true);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                if (mentions.nearest(start, end, CONTEXT) != null) {
                    Mtcn.parse(matcher.group()).ifPresent(mtcn -> out.add(start, end, mtcn));
                }
            }
            searchedTo = to;
        }
    }
}
