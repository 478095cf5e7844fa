package fr.vigie.search;

import java.text.Normalizer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * {@link FrenchAnalyzer}'s chain (elisions, lower case, stop words, light stemming) with accents folded before the
 * stop words and the stemmer. FrenchAnalyzer keeps accents on short words and stops "été" but not "ete"; victims
 * and scammers write without accents as often as with, so "arrete" must find "arrêté" and "ete" must be a stop word
 * too.
 */
final class FrenchFoldingAnalyzer extends Analyzer {
    private static final CharArraySet STOP_WORDS = foldedStopWords();

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(result, STOP_WORDS);
        result = new FrenchLightStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /** What a prefix or fuzzy query term goes through (no stemming there: "arrêt*" must still be a prefix). */
    @Override
    protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(new ElisionFilter(in, FrenchAnalyzer.DEFAULT_ARTICLES)));
    }

    private static CharArraySet foldedStopWords() {
        CharArraySet folded =
                new CharArraySet(FrenchAnalyzer.getDefaultStopSet().size(), false);
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
            String text = word instanceof char[] chars ? new String(chars) : String.valueOf(word);
            folded.add(Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", ""));
        }
        return CharArraySet.unmodifiableSet(folded);
    }
}
