package fr.vigie.identifier;

/**
 * Bitcoin, Ethereum and Tron addresses. Pre-filter: a whole word of ASCII letters and digits whose length and
 * first characters fit one of the three formats; only then is a checksum computed.
 */
final class CryptoExtractor implements Extractor {
    @Override
    public void extract(String text, Candidates out) {
        if (out.longestAlnumRun() < 25) {
            return; // no word long enough for any of the three formats
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!Chars.isAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < length && Chars.isAlnum(text.charAt(end))) {
                end++;
            }
            if (end - i >= 25 && end - i <= 90 && !Chars.wordCharAt(text, i - 1) && !Chars.wordCharAt(text, end)) {
                propose(text.substring(i, end), i, end, out);
            }
            i = end;
        }
    }

    private static void propose(String word, int start, int end, Candidates out) {
        char first = word.charAt(0);
        if (word.length() == 42 && first == '0' && (word.charAt(1) == 'x' || word.charAt(1) == 'X')) {
            Eth.parse(word).ifPresent(eth -> out.add(start, end, eth));
        } else if (word.regionMatches(true, 0, "bc1", 0, 3)) {
            Btc.parse(word).ifPresent(btc -> out.add(start, end, btc));
        } else if ((first == '1' || first == '3') && word.length() <= 35) {
            Btc.parse(word).ifPresent(btc -> out.add(start, end, btc));
        } else if (first == 'T' && word.length() == Trx.LENGTH) {
            Trx.parse(word).ifPresent(trx -> out.add(start, end, trx));
        }
    }
}
