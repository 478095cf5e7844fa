package fr.vigie.identifier;

/**
 * IP address literals. Pre-filter: a run of digits and dots with exactly three dots (IPv4), or a run of hex digits,
 * colons and dots with at least two colons (IPv6), short enough to be an address and not glued to a word.
 */
final class IpExtractor implements Extractor {
    private static final int MAX_V6 = 45;

    @Override
    public void extract(String text, Candidates out) {
        if (out.dots() < 3 && out.colons() < 2) {
            return; // an IPv4 address has three dots, an IPv6 one at least two colons
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!isV6Char(c) || isV6Char(charAt(text, i - 1)) || Chars.wordCharAt(text, i - 1)) {
                i++;
                continue;
            }
            int end = i;
            int dots = 0;
            int colons = 0;
            while (end < length && isV6Char(text.charAt(end))) {
                dots += text.charAt(end) == '.' ? 1 : 0;
                colons += text.charAt(end) == ':' ? 1 : 0;
                end++;
            }
            int next = end;
            while (end > i && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')) {
                dots -= text.charAt(end - 1) == '.' ? 1 : 0;
                colons -= text.charAt(end - 1) == ':' ? 1 : 0;
                end--;
            }
            boolean v4 = colons == 0 && dots == 3 && end - i <= 15;
            boolean v6 = colons >= 2 && end - i <= MAX_V6;
            if ((v4 || v6) && !Chars.wordCharAt(text, end)) {
                int from = i;
                int to = end;
                if (!out.insideLinkOrAddress(from, to)) {
                    Ip.parse(text.substring(i, end)).ifPresent(ip -> out.add(from, to, ip));
                }
            }
            i = next;
        }
    }

    private static boolean isV6Char(char c) {
        return Chars.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
    }

    private static char charAt(String text, int index) {
        return index >= 0 && index < text.length() ? text.charAt(index) : ' ';
    }
}
