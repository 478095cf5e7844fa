package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.MailAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tolerant mailbox reader for already-decoded header values. It reads the last angle address outside quotes, so
 * a display name such as {@code "PayPal <service@paypal.com>" <x@evil.example>} yields the real address. Never
 * throws; what it cannot read is empty.
 */
final class Addresses {
    static final Pattern ADDRESS_IN_TEXT =
            Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Addresses() {}

    /** The first mailbox of an address list. */
    static Optional<MailAddress> first(String value) {
        if (value == null || value.length() > 10_000) {
            return Optional.empty();
        }
        // a decoded display name may hold an unquoted comma ("Dupont, Jean <j@x.fr>"): grow until an address shows
        StringBuilder pending = new StringBuilder();
        for (String segment : Text.splitOutside(value, ',')) {
            pending.append(pending.isEmpty() ? "" : ",").append(segment);
            Optional<MailAddress> read = mailbox(pending.toString());
            if (read.isPresent()) {
                return read;
            }
        }
        return Optional.empty();
    }

    private static Optional<MailAddress> mailbox(String text) {
        int open = lastOutsideQuotes(text, '<');
        if (open >= 0) {
            int close = text.indexOf('>', open);
            String address =
                    text.substring(open + 1, close < 0 ? text.length() : close).strip();
            String displayName = Text.unquote(Text.stripComments(text.substring(0, open)));
            return of(displayName, address);
        }
        String withoutComments = Text.stripComments(text);
        int at = withoutComments.indexOf('@');
        if (at < 0) {
            return Optional.empty(); // no address without an @: the regex would try, and backtrack, at every start
        }
        // No match can start before the word holding the first @: the regex is started there, not at offset 0.
        Matcher bare = ADDRESS_IN_TEXT
                .matcher(withoutComments)
                .region(wordStart(withoutComments, at), withoutComments.length());
        if (!bare.find()) {
            return Optional.empty();
        }
        List<String> comments = Text.comments(text); // the old "a@b.example (Name)" form
        return of(comments.isEmpty() ? "" : comments.get(0), bare.group());
    }

    private static Optional<MailAddress> of(String displayName, String address) {
        String cleaned = SPACES.matcher(address).replaceAll("");
        if (cleaned.startsWith("mailto:")) {
            cleaned = cleaned.substring("mailto:".length());
        }
        int at = cleaned.lastIndexOf('@');
        if (at <= 0 || at == cleaned.length() - 1) {
            return Optional.empty();
        }
        String domain = ReceivedParser.hostName(cleaned.substring(at + 1));
        return Optional.of(new MailAddress(displayName.strip(), cleaned, domain));
    }

    /** Just after the last character before {@code at} that no address can hold (a space, a bracket, a quote...). */
    private static int wordStart(String text, int at) {
        int start = at;
        while (start > 0 && !isNeverInAddress(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean isNeverInAddress(char c) {
        return Character.isWhitespace(c) || "<>,;:\"()[]@".indexOf(c) >= 0;
    }

    private static int lastOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                last = i;
            }
        }
        return last;
    }
}
