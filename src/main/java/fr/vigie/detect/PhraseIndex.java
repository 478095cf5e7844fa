package fr.vigie.detect;

import fr.vigie.rules.Matcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every phrase of every rule in one word trie, built once: a message is read word by word and each word starts at
 * most a short walk down the trie, so the cost grows with the message, not with the number of phrases. Gaps
 * ({@code *}) and prefixes ({@code word*}) are edges of their own. Immutable after construction.
 */
final class PhraseIndex {
    private final Node root = new Node();

    /** Receives each phrase hit: the rule's index and the first and last word of the match. */
    interface Sink {
        void hit(int rule, int firstWord, int lastWord);
    }

    PhraseIndex(List<Matcher.Phrases> phrasesByRule) {
        for (int rule = 0; rule < phrasesByRule.size(); rule++) {
            Matcher.Phrases phrases = phrasesByRule.get(rule);
            if (phrases == null) {
                continue;
            }
            for (List<String> list : phrases.byLanguage().values()) {
                for (String phrase : list) {
                    add(Matcher.Phrases.words(phrase), rule);
                }
            }
        }
    }

    private void add(List<String> words, int rule) {
        Node node = root;
        for (String word : words) {
            if (word.equals(Matcher.Phrases.GAP)) {
                if (node.gap == null) {
                    node.gap = new Node();
                }
                node = node.gap;
            } else if (word.endsWith("*")) {
                node = node.prefixes.computeIfAbsent(word.substring(0, word.length() - 1), k -> new Node());
            } else {
                node = node.exact.computeIfAbsent(word, k -> new Node());
            }
        }
        if (!node.rules.contains(rule)) {
            node.rules.add(rule);
        }
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
        String word = tokens.word(next);
        Node exact = node.exact.get(word);
        if (exact != null) {
            walk(exact, first, next + 1, tokens, sink);
        }
        if (!node.prefixes.isEmpty()) {
            for (Map.Entry<String, Node> prefix : node.prefixes.entrySet()) {
                if (word.startsWith(prefix.getKey())) {
                    walk(prefix.getValue(), first, next + 1, tokens, sink);
                }
            }
        }
        if (node.gap != null) {
            // Skip 0..MAX_GAP words, never across a sentence end; the gap node itself never ends a phrase.
            for (int skip = 0; skip <= Matcher.Phrases.MAX_GAP && next + skip < tokens.size(); skip++) {
                if (skip > 0 && tokens.breakBefore(next + skip)) {
                    break;
                }
                walkAfterGap(node.gap, first, next + skip, tokens, sink);
            }
        }
    }

    /** Continue past a gap: the word at {@code next} must be taken by one of the gap node's edges. */
    private static void walkAfterGap(Node gap, int first, int next, Tokens tokens, Sink sink) {
        String word = tokens.word(next);
        Node exact = gap.exact.get(word);
        if (exact != null) {
            walk(exact, first, next + 1, tokens, sink);
        }
        for (Map.Entry<String, Node> prefix : gap.prefixes.entrySet()) {
            if (word.startsWith(prefix.getKey())) {
                walk(prefix.getValue(), first, next + 1, tokens, sink);
            }
        }
    }

    private static final class Node {
        final Map<String, Node> exact = new HashMap<>();
        final Map<String, Node> prefixes = new HashMap<>();
        final List<Integer> rules = new ArrayList<>();
        Node gap;
    }
}
