package fr.vigie.identifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Links and bare host names. A link starts at {@code http://}, {@code https://} or {@code ftp://} (after
 * de-obfuscation), or is a host name followed by a path or starting with {@code www.}; any other host name with a
 * known public suffix is a {@link Domain}. Pre-filter: {@code ://} for links, a dot inside a word for hosts.
 */
final class LinkExtractor implements Extractor {
    private static final int MAX_URL = 2048;
    private static final int MAX_HOST = 253;
    /** Top-level domains that are also common file extensions: a bare "facture.zip" is a file, not a host. */
    private static final Set<String> FILE_LIKE_TLDS = Set.of("zip", "mov", "md", "py", "sh", "pl", "rs", "exe");

    @Override
    public void extract(String text, Candidates out) {
        List<int[]> links = schemeLinks(text, out);
        if (out.dots() > 0) { // a host name has a dot
            bareHosts(text, out, links);
        }
    }

    private static List<int[]> schemeLinks(String text, Candidates out) {
        List<int[]> links = new ArrayList<>();
        int from = 0;
        int marker;
        while ((marker = text.indexOf("://", from)) >= 0) {
            int start = marker;
            while (start > 0 && marker - start < 6 && Chars.isLetter(text.charAt(start - 1))) {
                start--;
            }
            String scheme = text.substring(start, marker).toLowerCase(Locale.ROOT);
            int end = urlEnd(text, marker + 3);
            from = Math.max(end, marker + 3);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
                continue;
            }
            if (Chars.wordCharAt(text, start - 1)) {
                continue;
            }
            propose(text, start, end, out);
            links.add(new int[] {start, end});
        }
        return links;
    }

    private static void bareHosts(String text, Candidates out, List<int[]> links) {
        int nextLink = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            if (!isHostChar(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '-') {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            boolean dot = false;
            while (end < length && isHostChar(text.charAt(end))) {
                dot |= text.charAt(end) == '.';
                end++;
            }
            i = end;
            while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            while (nextLink < links.size() && links.get(nextLink)[1] <= start) {
                nextLink++;
            }
            boolean insideLink = nextLink < links.size() && links.get(nextLink)[0] <= start;
            if (!dot || insideLink || end - start > MAX_HOST || !plausibleHost(text, start, end)) {
                continue;
            }
            proposeHost(text, start, end, out);
        }
    }

    /** Cheap checks before the public-suffix look-up: not part of an e-mail or a path, ends in a letter label. */
    private static boolean plausibleHost(String text, int start, int end) {
        char before = start > 0 ? text.charAt(start - 1) : ' ';
        char after = end < text.length() ? text.charAt(end) : ' ';
        if (before == '@' || before == '/' || before == '\\' || after == '@' || Character.isLetterOrDigit(before)) {
            return false;
        }
        int lastDot = end - 1;
        while (lastDot >= start && text.charAt(lastDot) != '.') {
            lastDot--;
        }
        if (lastDot < start || end - lastDot - 1 < 2) {
            return false;
        }
        for (int k = lastDot + 1; k < end; k++) {
            if (!Character.isLetter(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static void proposeHost(String text, int start, int end, Candidates out) {
        boolean path = end < text.length() && (text.charAt(end) == '/' || isPortThenPath(text, end));
        boolean www = text.regionMatches(true, start, "www.", 0, 4);
        if (path || www) {
            propose(text, start, path ? urlEnd(text, end) : end, out);
            return;
        }
        String host = text.substring(start, end);
        String tld = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!FILE_LIKE_TLDS.contains(tld)) {
            Domain.parse(host).ifPresent(domain -> out.add(start, end, domain));
        }
    }

    private static boolean isPortThenPath(String text, int at) {
        if (text.charAt(at) != ':') {
            return false;
        }
        int k = at + 1;
        while (k < text.length() && k - at <= 6 && Chars.isDigit(text.charAt(k))) {
            k++;
        }
        return k > at + 1 && k < text.length() && text.charAt(k) == '/';
    }

    private static void propose(String text, int start, int end, Candidates out) {
        Url.parse(text.substring(start, end)).ifPresent(url -> {
            List<Identifier> found = new ArrayList<>(2);
            found.add(url);
            found.addAll(Profiles.of(url, out.defaultRegion()));
            out.add(start, end, found);
        });
    }

    /** Where a link that goes on from {@code from} stops: at a space or quote, minus trailing punctuation. */
    static int urlEnd(String text, int from) {
        int end = from;
        int limit = Math.min(text.length(), from + MAX_URL);
        int openParens = 0;
        int openBrackets = 0;
        while (end < limit && !endsUrl(text.charAt(end))) {
            char c = text.charAt(end);
            openParens += c == '(' ? 1 : c == ')' ? -1 : 0;
            openBrackets += c == '[' ? 1 : c == ']' ? -1 : 0;
            end++;
        }
        // A closing bracket the link did not open belongs to the sentence: "(voir https://x.fr/a)".
        while (end > from) {
            char last = text.charAt(end - 1);
            if (".,;:!?'*".indexOf(last) >= 0 || (last == ')' && openParens < 0) || (last == ']' && openBrackets < 0)) {
                openParens += last == ')' ? 1 : 0;
                openBrackets += last == ']' ? 1 : 0;
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean endsUrl(char c) {
        return c <= ' ' || Character.isWhitespace(c) || c == '\u00a0' || "\"<>`{}|^«»“”‘’".indexOf(c) >= 0;
    }

    private static boolean isHostChar(char c) {
        return c < 128 ? Chars.isAlnum(c) || c == '.' || c == '-' : Character.isLetterOrDigit(c);
    }
}
