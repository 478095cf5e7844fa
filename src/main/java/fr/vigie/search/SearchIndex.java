package fr.vigie.search;

import fr.vigie.BadInputException;
import fr.vigie.VigieException;
import fr.vigie.store.Store;
import fr.vigie.store.Store.Indexable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The full-text index of reports: each report's narrative and message texts, analysed both in French and in English
 * (the victim's language is not always the message's). A report added is searchable at once; {@link #commit()}
 * makes it survive a crash, and {@link #rebuild(Store)} makes the index again from the store. Safe for many threads:
 * writes take turns, searches run beside them.
 */
public final class SearchIndex implements AutoCloseable {
    /** The longest query accepted: a person types a few words, an analyst pastes a sentence of a message. */
    public static final int MAX_QUERY_CHARS = 1_000;

    /**
     * The simple syntax without {@code ~} (fuzzy words, sloppy phrases): a thousand characters of {@code a~2} cost
     * seconds of automaton building, and stemming and accent folding already forgive most spelling differences.
     */
    private static final int OPERATORS = -1 & ~SimpleQueryParser.FUZZY_OPERATOR & ~SimpleQueryParser.NEAR_OPERATOR;

    static final String ID = "id";
    static final String TEXT_FR = "text_fr";
    static final String TEXT_EN = "text_en";

    /*
     * Lucene looks for the JDK's vector incubator module when it first reads postings and, without it, warns on the
     * terminal through java.util.logging. The module speeds up vector search, which Vigie does not do, and postings
     * decoding a little, which an index of reports does not notice; passing --add-modules jdk.incubator.vector would
     * make the JVM print "WARNING: Using incubator modules" on every command, search or not. So the module stays out
     * and this one logger is quieted (held here: JUL keeps loggers only weakly, and a collected logger forgets its
     * level).
     */
    private static final Logger VECTORIZATION_LOG = Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        VECTORIZATION_LOG.setLevel(Level.SEVERE);
    }

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;

    private SearchIndex(Path folder, Directory directory, IndexWriter writer, Analyzer analyzer) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        // Near-real-time: searchers read the writer's segments, committed or not.
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens the index in {@code folder}, creating it (and the folder) if there is none. */
    public static SearchIndex open(Path folder) {
        Analyzer analyzer = analyzer();
        Directory directory = null;
        try {
            directory = FSDirectory.open(folder);
            IndexWriterConfig config =
                    new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            IndexWriter writer = new IndexWriter(directory, config);
            return new SearchIndex(folder, directory, writer, analyzer);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new VigieException("the search index " + folder + " is in use by another Vigie process", e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new VigieException("the search index " + folder + " cannot be opened", e);
        }
    }

    /** French for {@code text_fr}, English for {@code text_en}; the same on both sides of the index. */
    private static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(TEXT_FR, new FrenchFoldingAnalyzer()));
    }

    /** Adds a report, or replaces the one with the same id; it is searchable when this returns. */
    public synchronized void add(Indexable report) {
        try {
            writer.updateDocument(new Term(ID, report.id()), document(report));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be written", e);
        }
    }

    /** Adds or replaces many reports (an import's batch); they are searchable when this returns. */
    public synchronized void addAll(List<Indexable> reports) {
        try {
            for (Indexable report : reports) {
                writer.updateDocument(new Term(ID, report.id()), document(report));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be written", e);
        }
    }

    /**
     * Adds or replaces many reports without making them searchable yet: a bulk import, whose process holds the index
     * and so has no one searching it. They become searchable at the next {@link #add}, {@link #addAll},
     * {@link #commit()} or opening. Making each batch searchable, as {@link #addAll} does, writes a small segment
     * per batch, and the merging of those small segments took as long again as the indexing itself.
     */
    public synchronized void addBulk(List<Indexable> reports) {
        try {
            for (Indexable report : reports) {
                writer.updateDocument(new Term(ID, report.id()), document(report));
            }
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be written", e);
        }
    }

    /**
     * Indexes these reports again (after an erasure or a purge took their text) and rewrites the segments that held
     * their old text, then commits: the erased words leave the index's files, not only its searches.
     */
    public synchronized void forget(List<Indexable> reports) {
        try {
            for (Indexable report : reports) {
                writer.updateDocument(new Term(ID, report.id()), document(report));
            }
            writer.forceMergeDeletes(true);
            writer.commit();
            searchers.maybeRefreshBlocking();
            writer.deleteUnusedFiles();
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be written", e);
        }
    }

    /**
     * Writes what was added to disk, so that it survives a crash (a crash before loses only the index's copy), and
     * makes it searchable.
     */
    public synchronized void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be written", e);
        }
    }

    /**
     * Throws the index away and indexes every report of the store again; returns how many. Searches see the old index
     * until the new one is complete. If the store fails part way, the exception says so and the index holds the
     * reports read so far until the next rebuild.
     */
    public synchronized long rebuild(Store store) {
        long[] count = {0};
        try {
            writer.deleteAll();
            store.forEachIndexable(report -> {
                try {
                    writer.addDocument(document(report));
                    count[0]++;
                } catch (IOException e) {
                    throw new VigieException("the search index " + folder + " cannot be written", e);
                }
            });
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be written", e);
        }
        return count[0];
    }

    private static Document document(Indexable report) {
        Document doc = new Document();
        doc.add(new StringField(ID, report.id(), Field.Store.YES));
        List<String> texts = new ArrayList<>();
        texts.add(report.narrative());
        texts.addAll(report.texts());
        boolean any = false;
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                doc.add(new TextField(TEXT_FR, text, Field.Store.NO));
                doc.add(new TextField(TEXT_EN, text, Field.Store.NO));
                any = true;
            }
        }
        if (!any) {
            // Every document has both fields, if empty: one document without them makes a segment's norms sparse,
            // and writing sparse norms' postings scans them from the start for every term (a fifth of the
            // indexing's CPU time for the two messages without text among the 3,389 of the corpora).
            doc.add(new TextField(TEXT_FR, "", Field.Store.NO));
            doc.add(new TextField(TEXT_EN, "", Field.Store.NO));
        }
        return doc;
    }

    /**
     * The ids of the reports that match {@code query}, most relevant first, at most {@code max}. Every word must be
     * found (in either language): an analyst who types "colis bloqué" means both. The query is read by Lucene's
     * simple syntax, which never fails on what a person types: {@code "a phrase"}, {@code -word}, {@code a | b},
     * {@code prefix*}, {@code (a | b) c}.
     *
     * @throws BadInputException (code {@code query}) for an empty query, one without a letter or digit, or one
     *     over {@link #MAX_QUERY_CHARS}
     */
    public List<String> search(String query, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        Query parsed = parse(query);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<String> ids = new ArrayList<>();
                var stored = searcher.storedFields();
                for (ScoreDoc hit : searcher.search(parsed, max).scoreDocs) {
                    ids.add(stored.document(hit.doc, Set.of(ID)).get(ID));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new BadInputException("query", "the query has too many words or expands to too many terms", e);
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be read", e);
        }
    }

    private Query parse(String query) {
        if (query == null || query.isBlank()) {
            throw new BadInputException("query", "the query is empty");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new BadInputException("query", "the query is longer than " + MAX_QUERY_CHARS + " characters");
        }
        // "*" alone would be a prefix query matching every report; a query of operators only is a typing slip.
        if (query.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new BadInputException("query", "the query has no word to search for");
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(TEXT_FR, 1f, TEXT_EN, 1f), OPERATORS);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        return parser.parse(query);
    }

    /** How many reports the index holds, as searchers see it. */
    public int count() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be read", e);
        }
    }

    /** Commits what was added, then closes. */
    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close(); // commits
            directory.close();
            analyzer.close();
        } catch (IOException e) {
            throw new VigieException("the search index " + folder + " cannot be closed", e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // the opening error is the one to report
            }
        }
    }
}
