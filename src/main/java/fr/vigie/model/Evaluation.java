package fr.vigie.model;

import fr.vigie.rules.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of an evaluation: gold labels against {@link Judgement}s. Per-class precision, recall and F1
 * (precision is 0 for a class never predicted), macro-F1 over the classes that have gold examples (and, beside it, over
 * those with at least {@link #RARE}), accuracy, the
 * scam-vs-not-scam confusion (spam counts as not scam), the false-positive rate on legitimate messages, and per-corpus
 * figures. In binary mode the classes are {@code scam} and {@code not_scam}. Immutable and thread-safe.
 */
public final class Evaluation {
    /** Classes of the binary mode. */
    public static final String SCAM = "scam";

    public static final String NOT_SCAM = "not_scam";

    /** Classes with fewer gold examples than this are listed as too rare to judge. */
    public static final int RARE = 5;

    /** One scored message. */
    public record Row(String corpus, String gold, Judgement judgement) {}

    /** One class's figures. */
    public record ClassScore(
            String scheme, int support, int predicted, int correct, double precision, double recall, double f1) {}

    /** Gold scam (any scheme but spam and legitimate) against judged scam. */
    public record Confusion(int scamAsScam, int scamAsNotScam, int notScamAsScam, int notScamAsNotScam) {}

    /** Figures of one corpus; a rate is NaN when its denominator is 0. */
    public record CorpusFigures(
            String corpus,
            int messages,
            int legitimate,
            int legitimateAsScam,
            int scams,
            int scamsAsScam,
            int advanceFee,
            int advanceFeeTyped) {
        public double legitimateFpr() {
            return ratio(legitimateAsScam, legitimate);
        }

        public double scamRecall() {
            return ratio(scamsAsScam, scams);
        }

        public double advanceFeeTypedRate() {
            return ratio(advanceFeeTyped, advanceFee);
        }
    }

    private final List<Row> rows;
    private final boolean binary;

    private Evaluation(List<Row> rows, boolean binary) {
        this.rows = List.copyOf(rows);
        this.binary = binary;
    }

    public static Evaluation of(List<Row> rows, boolean binary) {
        return new Evaluation(rows, binary);
    }

    public boolean binary() {
        return binary;
    }

    public int size() {
        return rows.size();
    }

    private String gold(Row row) {
        return binary ? (Schemes.isScam(row.gold()) ? SCAM : NOT_SCAM) : row.gold();
    }

    private String predicted(Row row) {
        return binary
                ? (row.judgement().scam() ? SCAM : NOT_SCAM)
                : row.judgement().scheme();
    }

    /** Every class with gold examples or predictions, in taxonomy order (unknown ones last, sorted). */
    public List<ClassScore> classes() {
        Map<String, int[]> counts = new TreeMap<>(); // support, predicted, correct
        for (Row row : rows) {
            String gold = gold(row);
            String predicted = predicted(row);
            counts.computeIfAbsent(gold, k -> new int[3])[0]++;
            counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
            if (gold.equals(predicted)) {
                counts.get(gold)[2]++;
            }
        }
        List<String> order = new ArrayList<>(binary ? List.of(SCAM, NOT_SCAM) : Schemes.ALL);
        counts.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        List<ClassScore> scores = new ArrayList<>();
        for (String scheme : order) {
            int[] c = counts.get(scheme);
            if (c != null) {
                double precision = ratio0(c[2], c[1]);
                double recall = ratio0(c[2], c[0]);
                double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                scores.add(new ClassScore(scheme, c[0], c[1], c[2], precision, recall, f1));
            }
        }
        return scores;
    }

    /** The mean F1 over the classes that have gold examples. */
    public double macroF1() {
        return classes().stream()
                .filter(c -> c.support() > 0)
                .mapToDouble(ClassScore::f1)
                .average()
                .orElse(Double.NaN);
    }

    /**
     * The mean F1 over the classes with at least {@link #RARE} gold examples: a second figure, never the headline,
     * because a class of one or two examples moves {@link #macroF1()} by a tenth on its own. NaN when no class has
     * that many.
     */
    public double macroF1Judgeable() {
        return classes().stream()
                .filter(c -> c.support() >= RARE)
                .mapToDouble(ClassScore::f1)
                .average()
                .orElse(Double.NaN);
    }

    public double accuracy() {
        return ratio(rows.stream().filter(r -> gold(r).equals(predicted(r))).count(), rows.size());
    }

    public Confusion confusion() {
        int[] c = new int[4];
        for (Row row : rows) {
            boolean gold = Schemes.isScam(row.gold());
            boolean judged = row.judgement().scam();
            c[(gold ? 0 : 2) + (judged ? 0 : 1)]++;
        }
        return new Confusion(c[0], c[1], c[2], c[3]);
    }

    /** Legitimate messages judged scam, over legitimate messages. */
    public double fpr() {
        long legitimate =
                rows.stream().filter(r -> r.gold().equals(Schemes.LEGITIMATE)).count();
        long flagged = rows.stream()
                .filter(r ->
                        r.gold().equals(Schemes.LEGITIMATE) && r.judgement().scam())
                .count();
        return ratio(flagged, legitimate);
    }

    /** Classes with gold examples but fewer than {@link #RARE}. */
    public List<String> rareClasses() {
        return classes().stream()
                .filter(c -> c.support() > 0 && c.support() < RARE)
                .map(ClassScore::scheme)
                .toList();
    }

    public List<CorpusFigures> corpora() {
        Map<String, int[]> by = new TreeMap<>();
        for (Row row : rows) {
            int[] c = by.computeIfAbsent(row.corpus(), k -> new int[7]);
            c[0]++;
            if (row.gold().equals(Schemes.LEGITIMATE)) {
                c[1]++;
                c[2] += row.judgement().scam() ? 1 : 0;
            } else if (Schemes.isScam(row.gold())) {
                c[3]++;
                c[4] += row.judgement().scam() ? 1 : 0;
            }
            if (row.gold().equals("advance_fee")) {
                c[5]++;
                c[6] += row.judgement().scheme().equals("advance_fee") ? 1 : 0;
            }
        }
        List<CorpusFigures> figures = new ArrayList<>();
        by.forEach((corpus, c) -> figures.add(new CorpusFigures(corpus, c[0], c[1], c[2], c[3], c[4], c[5], c[6])));
        return figures;
    }

    /** The closing line: {@code macro-F1 X accuracy Y fpr Z}. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "macro-F1 %.4f accuracy %.4f fpr %.4f", macroF1(), accuracy(), fpr());
    }

    /** The whole report as text, ending with {@link #summaryLine()}. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%-20s %9s %9s %9s %8s %9s%n",
                "class",
                "precision",
                "recall",
                "f1",
                "support",
                "predicted"));
        for (ClassScore c : classes()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-20s %9.4f %9.4f %9.4f %8d %9d%n",
                    c.scheme(),
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.support(),
                    c.predicted()));
        }
        List<String> rare = rareClasses();
        if (!rare.isEmpty()) {
            out.append("classes with fewer than " + RARE + " examples: " + String.join(", ", rare) + "\n");
            out.append(String.format(
                    Locale.ROOT,
                    "macro-F1 without them (classes with at least %d examples): %.4f%n",
                    RARE,
                    macroF1Judgeable()));
        }
        Confusion m = confusion();
        out.append("\nscam vs not scam (spam counts as not scam)\n");
        out.append(String.format(Locale.ROOT, "%-16s %10s %10s%n", "gold \\ judged", "scam", "not scam"));
        out.append(String.format(Locale.ROOT, "%-16s %10d %10d%n", "scam", m.scamAsScam(), m.scamAsNotScam()));
        out.append(
                String.format(Locale.ROOT, "%-16s %10d %10d%n", "not scam", m.notScamAsScam(), m.notScamAsNotScam()));
        out.append(String.format(Locale.ROOT, "false-positive rate on legitimate messages: %.4f%n%n", fpr()));
        for (CorpusFigures c : corpora()) {
            out.append(corpusLine(c)).append('\n');
        }
        out.append(summaryLine()).append('\n');
        return out.toString();
    }

    private static String corpusLine(CorpusFigures c) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s n=%d", c.corpus(), c.messages()));
        if (c.legitimate() > 0) {
            line.append(fraction("legitimate FPR", c.legitimateAsScam(), c.legitimate()));
        }
        if (c.scams() > 0) {
            line.append(fraction("scam recall", c.scamsAsScam(), c.scams()));
        }
        if (c.advanceFee() > 0) {
            line.append(fraction("typed advance_fee", c.advanceFeeTyped(), c.advanceFee()));
        }
        return line.toString();
    }

    private static String fraction(String what, int k, int n) {
        return String.format(Locale.ROOT, "  %s %.4f (%d/%d)", what, ratio(k, n), k, n);
    }

    /** The figures as a map, for JSON. */
    public Map<String, Object> summary() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("binary", binary);
        map.put("messages", rows.size());
        map.put("classes", classes());
        map.put("rareClasses", rareClasses());
        map.put("confusion", confusion());
        map.put("fpr", fpr());
        map.put("corpora", corpora());
        map.put("macroF1", macroF1());
        map.put("macroF1Judgeable", macroF1Judgeable());
        map.put("accuracy", accuracy());
        return map;
    }

    private static double ratio(long k, long n) {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    private static double ratio0(long k, long n) {
        return n == 0 ? 0 : (double) k / n;
    }
}
