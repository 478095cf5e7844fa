package fr.vigie.identifier;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names scammers give themselves, from explicit self-introductions only: "my name is X", "je m'appelle X",
 * "mon nom est X", or "I am / je suis (le) Captain X" with a title; after "I am" or "je suis" without a title, two
 * or three capitalised words are needed ("je suis Française" is not a name). X is one to three capitalised words.
 */
final class AliasExtractor implements Extractor {
    private static final String TITLES = "captain|capt\\.?|colonel|col\\.|general|sergeant|sgt\\.?|lieutenant|lt\\.?"
            + "|major|commander|inspector|agent|officer|detective|dr\\.?|doctor|prof\\.?|professor|barrister"
            + "|attorney|lawyer|mr\\.?|mrs\\.?|ms\\.?|miss|sir|madam|capitaine|commandant|général|sergent"
            + "|adjudant|inspecteur|commissaire|officier|docteur|maître|maitre|me|monsieur|madame|mademoiselle"
            + "|mme\\.?|mlle\\.?|juge|procureur|avocat|avocate|pasteur|reverend|rev\\.?";
    private static final String NAME = "\\p{Lu}[\\p{L}'’-]{1,30}(?: \\p{Lu}[\\p{L}'’-]{1,30}){0,2}";
    private static final Pattern NAMED = Pattern.compile("(?<![\\p{L}])(?iu:my name is|my name's|je m['’]appelle"
            + "|mon nom est|moi c['’]est)\\s+((?:(?iu:" + TITLES + ")\\s+)?" + NAME + ")");
    private static final Pattern TITLED = Pattern.compile("(?<![\\p{L}])(?iu:i am|i['’]m|je suis|this is|ici)\\s+"
            + "(?:(?iu:the|le|la)\\s+|(?iu:l['’]))?((?iu:" + TITLES + ")\\s+" + NAME + ")");
    private static final Pattern FULL_NAME = Pattern.compile("(?<![\\p{L}])(?iu:i am|i['’]m|je suis)\\s+("
            + "\\p{Lu}[\\p{L}'’-]{1,30}(?: \\p{Lu}[\\p{L}'’-]{1,30}){1,2})");
    /** Capitalised words that end a name rather than continue it (sentence starts, pronouns). */
    private static final Set<String> NOT_NAMES = Set.of(
            "I", "And", "The", "From", "Of", "In", "Et", "De", "Du", "Des", "Le", "La", "Les", "Je", "Your", "Votre",
            "Please", "Merci", "Thank", "Dear", "Cher", "Chère", "Bonjour", "Hello", "Mr", "Mrs");

    /** Words that open a self-introduction; every pattern above starts with one of them. */
    private static final String[] TRIGGERS = {
        "my name",
        "je m'appelle",
        "je m’appelle",
        "mon nom est",
        "moi c'est",
        "moi c’est",
        "i am",
        "i'm",
        "i’m",
        "je suis",
        "this is",
        "ici"
    };
    /** A self-introduction is short: the patterns never need to read further than this from their trigger. */
    private static final int WINDOW = 160;

    @Override
    public void extract(String text, Candidates out) {
        int[] triggers = out.wordsAt(TRIGGERS);
        if (triggers == null) { // lower-casing changed offsets (rare letters): read it all
            scan(NAMED.matcher(text), text, out);
            scan(TITLED.matcher(text), text, out);
            scan(FULL_NAME.matcher(text), text, out);
            return;
        }
        // The patterns are tried only where a trigger word starts, not at every position of the text.
        Matcher named = NAMED.matcher(text);
        Matcher titled = TITLED.matcher(text);
        Matcher fullName = FULL_NAME.matcher(text);
        for (int at : triggers) {
            if (out.letterBefore(at)) {
                continue;
            }
            for (Matcher matcher : List.of(named, titled, fullName)) {
                matcher.region(at, Math.min(text.length(), at + WINDOW));
                matcher.useTransparentBounds(true).useAnchoringBounds(false);
                if (matcher.lookingAt()) {
                    propose(matcher, text, out);
                }
            }
        }
    }

    private static void scan(Matcher matcher, String text, Candidates out) {
        while (matcher.find()) {
            propose(matcher, text, out);
        }
    }

    private static void propose(Matcher matcher, String text, Candidates out) {
        int start = matcher.start(1);
        int end = cutAtNonName(text, start, matcher.end(1));
        if (end > start) {
            int to = end;
            Alias.parse(text.substring(start, end)).ifPresent(alias -> out.add(start, to, alias));
        }
    }

    /** Drops the words from the first that cannot be part of a name; the first word is kept if it is a title. */
    private static int cutAtNonName(String text, int start, int end) {
        int wordStart = start;
        boolean first = true;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == ' ') {
                if (!first && NOT_NAMES.contains(text.substring(wordStart, i))) {
                    return Math.max(start, wordStart - 1);
                }
                first = false;
                wordStart = i + 1;
            }
        }
        return end;
    }
}
