package fr.vigie.identifier;

/**
 * E-mail addresses, obfuscated ones included ({@code jean[at]gmail[.]com}, {@code jean (at) gmail (dot) com}: the
 * text is de-obfuscated first). Pre-filter: an {@code @}; the local part and the domain are then read outwards
 * from it, each within its maximum length, so a text full of {@code @} stays linear.
 */
final class EmailExtractor implements Extractor {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    @Override
    public void extract(String text, Candidates out) {
        int at = -1;
        while ((at = text.indexOf('@', at + 1)) >= 0) {
            int start = at;
            while (start > 0 && at - start < MAX_LOCAL && Email.isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int end = at + 1;
            while (end < text.length() && end - at <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--;
            }
            int lastDot = end - 1;
            while (lastDot > at && text.charAt(lastDot) != '.') {
                lastDot--; // bounded by the domain just read: lastIndexOf would run back through the whole text
            }
            if (start == at || lastDot <= at + 1 || end - lastDot < 3) {
                continue; // no local part, or no "name.tld" after the @: not worth a public-suffix look-up
            }
            int from = start;
            int to = end;
            Email.parse(text.substring(start, end)).ifPresent(email -> out.add(from, to, email));
        }
    }

    private static boolean isDomainChar(char c) {
        return c < 128 ? Chars.isAlnum(c) || c == '.' || c == '-' : Character.isLetterOrDigit(c);
    }
}
