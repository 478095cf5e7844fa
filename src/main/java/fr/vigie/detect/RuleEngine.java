package fr.vigie.detect;

import fr.vigie.harmonise.Harmonised;
import fr.vigie.identifier.Found;
import fr.vigie.rules.Composite;
import fr.vigie.rules.Group;
import fr.vigie.rules.Matcher;
import fr.vigie.rules.Rule;
import fr.vigie.rules.RuleSet;
import fr.vigie.text.NormalisedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates a {@link RuleSet} over harmonised messages. Everything is compiled once here (one word trie for all
 * phrases, one {@link Pattern} per regex rule, hostname sets for link lists); {@link #evaluate} then reads each text
 * of the message once per matcher kind. Immutable and thread-safe.
 *
 * <p>Order: text rules (phrases, regexes) on the subject, the From header and each body part, then identifier,
 * header and link rules, then composites over the rules that fired.
 */
public final class RuleEngine {
    /** Enough evidence to point at; a 50 KB message repeating "urgent" needs not list every one. */
    static final int MAX_EVIDENCE_PER_FLAG = 20;

    private final RuleSet ruleSet;
    private final List<Rule> rules;
    private final PhraseIndex phrases;
    private final Pattern[] regexes;
    private final boolean hasRegexes;
    /** All regex rules as one alternation, tried first at each start so that most starts cost one attempt. */
    private final Pattern anyRegex;

    private final LinkEvaluator links;
    private final Map<String, Group> groups;

    public RuleEngine(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
        this.rules = ruleSet.rules().stream().filter(rule -> !rule.deprecated()).toList();
        List<Matcher.Phrases> phraseMatchers = new ArrayList<>();
        this.regexes = new Pattern[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            Matcher matcher = rules.get(i).matcher();
            phraseMatchers.add(matcher instanceof Matcher.Phrases p ? p : null);
            if (matcher instanceof Matcher.Regex regex) {
                regexes[i] = Pattern.compile(regex.pattern());
            }
        }
        this.hasRegexes = java.util.Arrays.stream(regexes).anyMatch(java.util.Objects::nonNull);
        this.anyRegex = Pattern.compile(java.util.Arrays.stream(regexes)
                .filter(java.util.Objects::nonNull)
                .map(pattern -> "(?:" + pattern.pattern() + ")")
                .collect(java.util.stream.Collectors.joining("|", "(?:", ")")));
        this.phrases = new PhraseIndex(phraseMatchers);
        this.links = new LinkEvaluator(ruleSet.lists());
        this.groups = ruleSet.groupsById();
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The red flags of a message: rules in rule-set order, then composites. */
    public List<RedFlag> evaluate(Harmonised message) {
        MessageView view = MessageView.of(message);
        List<Set<RedFlag.Evidence>> hits = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            hits.add(null);
        }
        boolean[] fired = new boolean[rules.size()];
        for (MessageView.Source source : view.sources()) {
            readText(source, view, hits, fired);
        }
        for (int i = 0; i < rules.size(); i++) {
            Optional<List<RedFlag.Evidence>> evidence =
                    otherEvidence(rules.get(i).matcher(), view);
            if (evidence.isPresent()) {
                fired[i] = true;
                for (RedFlag.Evidence e : evidence.get()) {
                    add(hits, i, e);
                }
            }
        }
        List<RedFlag> flags = new ArrayList<>();
        Map<String, RedFlag> byId = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (fired[i]) {
                Rule rule = rules.get(i);
                RedFlag flag = new RedFlag(
                        rule.id(),
                        rule.scheme(),
                        rule.group(),
                        rule.weight(),
                        rule.explanation().fr(),
                        rule.explanation().en(),
                        hits.get(i) == null ? List.of() : List.copyOf(hits.get(i)));
                flags.add(flag);
                byId.put(rule.id(), flag);
            }
        }
        for (Composite composite : ruleSet.composites()) {
            if (composite.expression().holds(byId::containsKey)) {
                flags.add(compositeFlag(composite, byId));
            }
        }
        return List.copyOf(flags);
    }

    /**
     * Each group's weights summed and capped at its {@code max_score}, then added up, for all flags and per scheme.
     * A negative sum (rules that lower suspicion) is never capped.
     */
    public RuleScore score(List<RedFlag> flags) {
        Map<String, Double> byScheme = new LinkedHashMap<>();
        Set<String> schemes = new LinkedHashSet<>();
        flags.forEach(flag -> schemes.add(flag.scheme()));
        schemes.remove(RuleSet.ANY);
        for (String scheme : schemes) {
            byScheme.put(
                    scheme,
                    cappedSum(flags.stream()
                            .filter(flag -> flag.scheme().equals(scheme))
                            .toList()));
        }
        return new RuleScore(cappedSum(flags), byScheme);
    }

    private double cappedSum(List<RedFlag> flags) {
        Map<String, Double> byGroup = new HashMap<>();
        flags.forEach(flag -> byGroup.merge(flag.group(), flag.weight(), Double::sum));
        double total = 0;
        for (Map.Entry<String, Double> group : byGroup.entrySet()) {
            Group definition = groups.get(group.getKey());
            double max = definition == null ? Double.MAX_VALUE : definition.maxScore();
            total += Math.min(group.getValue(), max);
        }
        return total;
    }

    private void readText(
            MessageView.Source source, MessageView view, List<Set<RedFlag.Evidence>> hits, boolean[] fired) {
        NormalisedText normalised = NormalisedText.of(source.text());
        Tokens tokens = phrases.tokens(normalised.text());
        phrases.find(
                tokens,
                (rule, first, last) ->
                        textHit(rule, source, normalised, tokens.start(first), tokens.end(last), view, hits, fired));
        if (hasRegexes) {
            readNumbers(source, normalised, view, hits, fired);
        }
    }

    /**
     * Regex rules describe amounts, percentages and durations: they are tried only where a number starts, or at the
     * word or symbol just before it ({@link DigitWindows}, docs/RULES.md), first all at once through one combined
     * pattern, then one by one where that one matched.
     */
    private void readNumbers(
            MessageView.Source source,
            NormalisedText normalised,
            MessageView view,
            List<Set<RedFlag.Evidence>> hits,
            boolean[] fired) {
        String text = normalised.text();
        List<int[]> candidates = DigitWindows.of(text);
        if (candidates.isEmpty()) {
            return;
        }
        java.util.regex.Matcher any =
                anyRegex.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        java.util.regex.Matcher[] matchers = new java.util.regex.Matcher[regexes.length];
        int[] counts = new int[regexes.length];
        int[] next = new int[regexes.length];
        for (int[] candidate : candidates) {
            if (!any.region(candidate[0], candidate[1]).lookingAt()) {
                continue;
            }
            for (int i = 0; i < regexes.length; i++) {
                if (regexes[i] == null || candidate[0] < next[i] || counts[i] >= MAX_EVIDENCE_PER_FLAG) {
                    continue;
                }
                if (matchers[i] == null) {
                    matchers[i] =
                            regexes[i].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                java.util.regex.Matcher m = matchers[i].region(candidate[0], candidate[1]);
                if (m.lookingAt() && m.end() > m.start()) {
                    textHit(i, source, normalised, m.start(), m.end(), view, hits, fired);
                    counts[i]++;
                    next[i] = m.end();
                }
            }
        }
    }

    private static void textHit(
            int rule,
            MessageView.Source source,
            NormalisedText normalised,
            int start,
            int end,
            MessageView view,
            List<Set<RedFlag.Evidence>> hits,
            boolean[] fired) {
        int originalStart = normalised.originalStart(start);
        int originalEnd = normalised.originalEnd(end);
        if (view.masked(source.part(), originalStart, originalEnd)) {
            return; // inside the victim's own address: never evidence
        }
        fired[rule] = true;
        add(
                hits,
                rule,
                new RedFlag.Evidence(
                        source.part(),
                        originalStart,
                        originalEnd,
                        source.text().substring(originalStart, originalEnd)));
    }

    private Optional<List<RedFlag.Evidence>> otherEvidence(Matcher matcher, MessageView view) {
        return switch (matcher) {
            case Matcher.Phrases p -> Optional.empty();
            case Matcher.Regex r -> Optional.empty();
            case Matcher.IdentifierKinds kinds -> nonEmpty(identifierEvidence(kinds, view));
            case Matcher.HeaderSigns signs -> HeaderEvaluator.evaluate(signs, view);
            case Matcher.LinkCheck check -> nonEmpty(links.evaluate(check, view));
        };
    }

    private static List<RedFlag.Evidence> identifierEvidence(Matcher.IdentifierKinds kinds, MessageView view) {
        List<RedFlag.Evidence> evidence = new ArrayList<>();
        for (Found found : view.message().identifiers()) {
            if (kinds.kinds().contains(found.identifier().kind().id()) && !view.isRecipient(found)) {
                view.evidence(found.span()).ifPresent(evidence::add);
            }
        }
        return evidence;
    }

    private static Optional<List<RedFlag.Evidence>> nonEmpty(List<RedFlag.Evidence> evidence) {
        return evidence.isEmpty() ? Optional.empty() : Optional.of(evidence);
    }

    private static void add(List<Set<RedFlag.Evidence>> hits, int rule, RedFlag.Evidence evidence) {
        Set<RedFlag.Evidence> set = hits.get(rule);
        if (set == null) {
            set = new LinkedHashSet<>();
            hits.set(rule, set);
        }
        if (set.size() < MAX_EVIDENCE_PER_FLAG) {
            set.add(evidence);
        }
    }

    private static RedFlag compositeFlag(Composite composite, Map<String, RedFlag> byId) {
        Set<RedFlag.Evidence> evidence = new LinkedHashSet<>();
        for (String id : composite.expression().positiveIds()) {
            RedFlag flag = byId.get(id);
            if (flag != null) {
                evidence.addAll(flag.evidence());
            }
        }
        return new RedFlag(
                composite.id(),
                composite.scheme(),
                composite.group(),
                composite.weight(),
                composite.explanation().fr(),
                composite.explanation().en(),
                List.copyOf(evidence));
    }
}
