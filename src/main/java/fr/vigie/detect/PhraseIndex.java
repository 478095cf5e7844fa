package fr.vigie.detect;

import fr.vigie.rules.Matcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every phrase of every rule in one word trie, built once: a message is read word by word and each word starts at
 * most a short walk down the trie, so the cost grows with the message, not with the number of phrases. Words are
 * numbers of a {@link Vocabulary} (an edge is found by comparing ints, the root's by indexing an array); gaps
 * ({@code *}) and prefixes ({@code word*}) are edges of their own. Immutable after construction.
 */
final class PhraseIndex {
    private final Vocabulary vocabulary;
    private final Node root;

    /** Receives each phrase hit: the rule's index and the first and last word of the match. */
    interface Sink {
        void hit(int rule, int firstWord, int lastWord);
    }

    PhraseIndex(List<Matcher.Phrases> phrasesByRule) {
        Draft draft = new Draft();
        Map<String, Integer> words = new LinkedHashMap<>();
        for (int rule = 0; rule < phrasesByRule.size(); rule++) {
            Matcher.Phrases phrases = phrasesByRule.get(rule);
            if (phrases == null) {
                continue;
            }
            for (List<String> list : phrases.byLanguage().values()) {
                for (String phrase : list) {
                    draft.add(Matcher.Phrases.words(phrase), rule, words);
                }
            }
        }
        this.vocabulary = new Vocabulary(List.copyOf(words.keySet()));
        this.root = draft.freeze(words, words.size());
    }

    /** The words of a normalised text, numbered in this index's vocabulary. */
    Tokens tokens(String normalised) {
        return Tokens.of(normalised, vocabulary);
    }

    void find(Tokens tokens, Sink sink) {
        for (int start = 0; start < tokens.size(); start++) {
            walk(root, start, start, tokens, sink);
        }
    }

    private static void walk(Node node, int first, int next, Tokens tokens, Sink sink) {
        for (int rule : node.rules) {
            sink.hit(rule, first, next - 1);
        }
        if (next >= tokens.size() || (next > first && tokens.breakBefore(next))) {
            return;
        }
        follow(node, first, next, tokens, sink);
        if (node.gap != null) {
            // Skip 0..MAX_GAP words, never across a sentence end; the gap node itself never ends a phrase.
            for (int skip = 0; skip <= Matcher.Phrases.MAX_GAP && next + skip < tokens.size(); skip++) {
                if (skip > 0 && tokens.breakBefore(next + skip)) {
                    break;
                }
                follow(node.gap, first, next + skip, tokens, sink);
            }
        }
    }

    /** Takes the word at {@code next} by the node's exact edge, then by each of its prefix edges, in that order. */
    private static void follow(Node node, int first, int next, Tokens tokens, Sink sink) {
        Node exact = node.exact(tokens.word(next));
        if (exact != null) {
            walk(exact, first, next + 1, tokens, sink);
        }
        for (int p = 0; p < node.prefixes.length; p++) {
            if (tokens.startsWith(next, node.prefixes[p])) {
                walk(node.prefixNodes[p], first, next + 1, tokens, sink);
            }
        }
    }

    private static final class Node {
        private static final int[] NONE = {};

        int[] rules = NONE;
        /** Exact edges: sorted word numbers and their nodes, or, at the root, a node by word number. */
        int[] exactWords = NONE;

        Node[] exactNodes = {};
        Node[] byWord;
        /** Prefix edges in the order they were always tried (that of the draft's HashMap). */
        String[] prefixes = {};

        Node[] prefixNodes = {};
        Node gap;

        Node exact(int word) {
            if (word < 0) {
                return null;
            }
            if (byWord != null) {
                return byWord[word];
            }
            int at = Arrays.binarySearch(exactWords, word);
            return at < 0 ? null : exactNodes[at];
        }
    }

    /** The trie as it is built, words as Strings. */
    private static final class Draft {
        final Map<String, Draft> exact = new HashMap<>();
        final Map<String, Draft> prefixes = new HashMap<>();
        final List<Integer> rules = new ArrayList<>();
        Draft gap;

        void add(List<String> words, int rule, Map<String, Integer> vocabulary) {
            Draft node = this;
            for (String word : words) {
                if (word.equals(Matcher.Phrases.GAP)) {
                    if (node.gap == null) {
                        node.gap = new Draft();
                    }
                    node = node.gap;
                } else if (word.endsWith("*")) {
                    node = node.prefixes.computeIfAbsent(word.substring(0, word.length() - 1), k -> new Draft());
                } else {
                    vocabulary.putIfAbsent(word, vocabulary.size());
                    node = node.exact.computeIfAbsent(word, k -> new Draft());
                }
            }
            if (!node.rules.contains(rule)) {
                node.rules.add(rule);
            }
        }

        /** The frozen node; {@code rootWords} > 0 gives it an array indexed by word number. */
        Node freeze(Map<String, Integer> vocabulary, int rootWords) {
            Node node = new Node();
            node.rules = rules.stream().mapToInt(Integer::intValue).toArray();
            if (rootWords > 0) {
                node.byWord = new Node[rootWords];
                exact.forEach((word, child) -> node.byWord[vocabulary.get(word)] = child.freeze(vocabulary, 0));
            } else {
                int[] ids = exact.keySet().stream()
                        .mapToInt(vocabulary::get)
                        .sorted()
                        .toArray();
                Map<Integer, Draft> byId = new HashMap<>();
                exact.forEach((word, child) -> byId.put(vocabulary.get(word), child));
                node.exactWords = ids;
                node.exactNodes = new Node[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    node.exactNodes[i] = byId.get(ids[i]).freeze(vocabulary, 0);
                }
            }
            node.prefixes = prefixes.keySet().toArray(String[]::new);
            node.prefixNodes = prefixes.values().stream()
                    .map(child -> child.freeze(vocabulary, 0))
                    .toArray(Node[]::new);
            node.gap = gap == null ? null : gap.freeze(vocabulary, 0);
            return node;
        }
    }
}
