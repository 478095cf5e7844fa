package fr.vigie.i18n;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of a message from its function words (fr, en, de, es, pt; {@code und} when too little
 * text). Function words are what every text has whatever its topic, so a few hundred characters are enough, and
 * it costs one pass over at most the first 8,000 characters.
 */
public final class LanguageGuesser {
    /** How much of a text is read: a caller may hand in no more than this. */
    public static final int SAMPLE_CHARS = 8_000;

    private static final int MIN_HITS = 3;
    private static final int CLEAR_LEAD = 20;
    private static final Map<String, String[]> STOP_WORDS = Map.of(
            "fr",
                    words("le la les des une est et en du pour que qui dans vous votre nous sur pas avec ce sont au aux"
                            + " par ne plus cette été je il elle mais ou vos être avez"),
            "en",
                    words("the and of to is in that you your for it with are this be on have we not from will as at"
                            + " by our was an has can if my"),
            "de",
                    words("der die das und ist nicht sie ich zu den mit sich des auf für dem ein eine wir ihr ihre"
                            + " wird bitte oder auch sind haben"),
            "es",
                    words("el la los las que de y en un una es por con para su sus no se al lo como más pero del"
                            + " usted este esta"),
            "pt",
                    words("o a os as que de e em um uma é por com para seu sua não se ao do da dos das mais você"
                            + " foi está são"));

    private final Map<String, String> owner;
    /** The longest word of {@link #owner}: a longer word is never looked up. */
    private final int longest;

    public LanguageGuesser() {
        Map<String, String> first = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        STOP_WORDS.forEach((lang, list) -> {
            for (String w : list) {
                seen.merge(w, 1, Integer::sum);
                first.put(w, lang);
            }
        });
        // A word shared by several languages ("la", "de", "que") says nothing: keep only words unique to one.
        Map<String, String> unique = new HashMap<>();
        first.forEach((w, lang) -> {
            if (seen.get(w) == 1) {
                unique.put(w, lang);
            }
        });
        this.owner = Map.copyOf(unique);
        this.longest = unique.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** An ISO 639-1 code from {@code fr en de es pt}, or {@code und}. */
    public String guess(CharSequence text) {
        Map<String, Integer> hits = new HashMap<>();
        StringBuilder word = new StringBuilder(8);
        int end = Math.min(text.length(), SAMPLE_CHARS);
        int i = 0;
        while (i < end) {
            while (i < end && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < end && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start && i - start <= Math.min(8, longest)) {
                word.setLength(0);
                for (int k = start; k < i; k++) {
                    word.append(Character.toLowerCase(text.charAt(k)));
                }
                String lang = owner.get(word.toString());
                if (lang != null && hits.merge(lang, 1, Integer::sum) >= CLEAR_LEAD && clearlyAhead(hits, lang)) {
                    return lang; // enough evidence: no need to read on
                }
            }
        }
        String best = "und";
        int bestCount = MIN_HITS - 1;
        for (String lang : new java.util.TreeSet<>(hits.keySet())) { // sorted: ties go the same way every time
            if (hits.get(lang) > bestCount) {
                best = lang;
                bestCount = hits.get(lang);
            }
        }
        return best;
    }

    /** True when {@code lang} has at least three times the hits of every other language. */
    private static boolean clearlyAhead(Map<String, Integer> hits, String lang) {
        int count = hits.get(lang);
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (!e.getKey().equals(lang) && e.getValue() * 3 > count) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(String list) {
        return list.split(" ");
    }

    static Set<String> languages() {
        return STOP_WORDS.keySet();
    }
}
