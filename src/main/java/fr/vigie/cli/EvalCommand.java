package fr.vigie.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.model.Corpus;
import fr.vigie.model.Evaluation;
import fr.vigie.model.Judgement;
import fr.vigie.model.KeyedSplit;
import fr.vigie.model.LabelRow;
import fr.vigie.model.ScamModel;
import fr.vigie.rules.Schemes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie eval}: scores labelled messages with the application's scorer and prints per-scheme
 * precision/recall/F1, the scam confusion matrix, the false-positive rate and per-corpus figures, ending with {@code
 * macro-F1 X accuracy Y fpr Z}.
 */
@Command(
        name = "eval",
        description = "Evaluate the scorer on labelled messages (default: DIR/labels/*.csv, test side of the split).")
final class EvalCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data folder")
    Path data;

    @Option(
            names = "--labels",
            paramLabel = "FILE",
            arity = "1..*",
            description = "label files: labels CSV (file,primary,...), SpamAssassin manifest.csv, or an SMS TSV")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--split", paramLabel = "test|train|all", description = "which side of the keyed split (test)")
    String split = "test";

    @Option(names = "--binary", description = "fold the schemes into scam vs not scam (spam counts as not scam)")
    boolean binary;

    @Option(names = "--json", description = "print the figures as one JSON object")
    boolean json;

    @Option(names = "--errors", description = "list the misjudged messages (file, label, judgement)")
    boolean errors;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "a model file instead of the shipped one (rules still apply)")
    Path model;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("test", "train", "all", "validation").contains(split)) {
            err.println("vigie eval: --split must be test, train or all");
            return 2;
        }
        List<LabelRow> rows;
        try {
            rows = TrainCommand.labels(data, labels);
        } catch (IOException | UncheckedIOException e) {
            err.println("vigie eval: cannot read the labels (" + e.getMessage() + ")");
            return Main.UNREADABLE_INPUT;
        }
        Function<Harmonised, Judgement> scorer = scorer();
        Corpus corpus = TrainCommand.corpus(data);
        List<Evaluation.Row> scored = new ArrayList<>();
        int refused = 0;
        long start = System.nanoTime();
        for (LabelRow row : rows) {
            var sample = corpus.sample(row);
            if (sample.isEmpty()) {
                refused++;
                continue;
            }
            if (wanted(sample.get().side())) {
                Judgement judgement = scorer.apply(sample.get().message());
                scored.add(new Evaluation.Row(row.corpus(), row.primary(), judgement));
                boolean wrong = Schemes.isScam(row.primary()) != judgement.scam()
                        || !row.primary().equals(judgement.scheme());
                if (errors && wrong) {
                    err.println("misjudged " + row.file() + " " + row.primary() + " -> " + judgement.scheme()
                            + (judgement.scam() ? " (scam)" : ""));
                }
            }
        }
        Evaluation evaluation = Evaluation.of(scored, binary);
        if (json) {
            var map = evaluation.summary();
            map.put("split", split);
            map.put("refused", refused);
            out.println(new ObjectMapper()
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .writeValueAsString(map));
        } else {
            out.printf(
                    Locale.ROOT,
                    "%d messages (%s side%s), %d refused by the harmoniser, scored in %.1f s%n%n",
                    scored.size(),
                    split,
                    binary ? ", binary: spam counts as not scam" : "",
                    refused,
                    (System.nanoTime() - start) / 1e9);
            out.print(evaluation.report());
        }
        out.flush();
        return 0;
    }

    private boolean wanted(KeyedSplit.Side side) {
        return switch (split) {
            case "all" -> true;
            case "test" -> side == KeyedSplit.Side.TEST;
            case "validation" -> side == KeyedSplit.Side.VALIDATION;
            default -> side.isTrain();
        };
    }

    private Function<Harmonised, Judgement> scorer() throws IOException {
        if (model == null) {
            return new App(Config.defaults()).scorer();
        }
        try (InputStream in = Files.newInputStream(model)) {
            // The whole detector (rules and advice as shipped) around the given model.
            return new App(Config.defaults()).detector(ScamModel.read(in))::judge;
        }
    }
}
