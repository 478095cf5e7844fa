package fr.vigie.identifier;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platform handles written in text: {@code @name} with the platform named within {@link #CONTEXT} characters, or
 * "Snapchat : anna_love" where the name has a digit, dot or underscore (a plain word after a colon is too often
 * just a word). Profile links are read by {@link LinkExtractor}. Pre-filter: a platform word anywhere.
 */
final class HandleExtractor implements Extractor {
    static final int CONTEXT = 80;
    private static final String PLATFORM_WORDS = "instagram|insta|snapchat|snap|telegram|tiktok|tik\\s?tok|twitter"
            + "|facebook|fb|messenger|whatsapp|skype|signal|discord|kik";
    private static final Pattern PLATFORMS =
            Pattern.compile("(?iu)(?<![\\p{L}\\d])(?:" + PLATFORM_WORDS + ")(?![\\p{L}\\d])");
    private static final Pattern AT_NAME = Pattern.compile("(?<![A-Za-z0-9._%+-])@([A-Za-z0-9][A-Za-z0-9._]{1,49})");
    private static final Pattern COLON_NAME = Pattern.compile("(?iu)(?<![\\p{L}\\d])(" + PLATFORM_WORDS
            + ")\\s?(?::|-)\\s?([A-Za-z0-9][A-Za-z0-9._]{2,49})(?![A-Za-z0-9@])");

    @Override
    public void extract(String text, Candidates out) {
        Mentions platforms = Mentions.find(
                PLATFORMS,
                text,
                out,
                "insta",
                "snap",
                "telegram",
                "tik",
                "twitter",
                "facebook",
                "fb",
                "messenger",
                "whatsapp",
                "skype",
                "signal",
                "discord",
                "kik");
        if (platforms.isEmpty()) {
            return;
        }
        Matcher at = AT_NAME.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int sign = text.indexOf('@'); sign >= 0; sign = text.indexOf('@', sign + 1)) {
            // Tried only at each '@', not at every position of the text.
            at.region(sign, text.length());
            if (!at.lookingAt()) {
                continue;
            }
            int start = at.start();
            int end = trimDots(text, at.start(1), at.end(1));
            if (end < text.length()
                    && (text.charAt(end) == '@' || text.charAt(end) == '.' && isDomainAfter(text, end))) {
                continue; // "@gmail.com" in a broken address
            }
            Mentions.Mention platform = platforms.nearest(start, end, CONTEXT);
            if (platform != null) {
                Handle.of(platform.word(), text.substring(at.start(1), end))
                        .ifPresent(handle -> out.add(start, end, handle));
            }
        }
        Matcher colon = COLON_NAME.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (Mentions.Mention mention : platforms.all()) {
            // "telegram: anna_92" starts with a platform word: tried only where one was found.
            colon.region(mention.start(), text.length());
            if (!colon.lookingAt()) {
                continue;
            }
            String name = colon.group(2);
            int end = trimDots(text, colon.start(2), colon.end(2));
            boolean marked = name.chars().anyMatch(c -> Chars.isDigit((char) c) || c == '_' || c == '.');
            if (marked && !Mtcn.allDigits(name)) { // all digits: a phone number, the phone extractor's
                int start = colon.start(2);
                Handle.of(colon.group(1), text.substring(start, end)).ifPresent(handle -> out.add(start, end, handle));
            }
        }
    }

    private static int trimDots(String text, int start, int end) {
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        return end;
    }

    private static boolean isDomainAfter(String text, int dot) {
        return dot + 1 < text.length() && Chars.isLetter(text.charAt(dot + 1));
    }
}
