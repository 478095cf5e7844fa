package fr.vigie.cli;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.detect.Detector;
import fr.vigie.detect.RuleEngine;
import fr.vigie.model.Corpus;
import fr.vigie.model.KeyedSplit;
import fr.vigie.model.LabelRow;
import fr.vigie.model.ScamModel;
import fr.vigie.rules.Schemes;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie tune}: how the detector's constants were chosen, reproducibly. Scores the validation slice (train
 * side, never the test side) with a model trained without it ({@code vigie train --hold-out-validation}) and the
 * shipped rules, and prints, for each rule weight in log-odds and each "flag from" threshold, the false-positive
 * rate on legitimate messages and the scam recall.
 */
@Command(name = "tune", description = "Grid of detector constants on the validation slice (a hold-out model).")
final class TuneCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data folder")
    Path data;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "FILE",
            description = "a model trained with --hold-out-validation")
    Path model;

    private record Scored(String corpus, String gold, double pScam, double rules) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ScamModel holdOut;
        try (InputStream in = Files.newInputStream(model)) {
            holdOut = ScamModel.read(in);
        }
        App app = new App(Config.defaults());
        RuleEngine rules = app.ruleEngine();
        Corpus corpus = TrainCommand.corpus(data);
        List<Scored> scored = new ArrayList<>();
        for (LabelRow row : TrainCommand.labels(data, List.of())) {
            var sample = corpus.sample(row);
            if (sample.isPresent() && sample.get().side() == KeyedSplit.Side.VALIDATION) {
                var message = sample.get().message();
                scored.add(new Scored(
                        row.corpus(),
                        row.primary(),
                        holdOut.predict(message).pScam(),
                        rules.score(rules.evaluate(message)).total()));
            }
        }
        out.printf(Locale.ROOT, "validation slice: %d messages%n", scored.size());
        out.println("logOdds/pt  flagFrom   fpr(legit)  fpr(SpamAssassin)  recall(scams)  recall(phishing-pot)");
        for (double logOdds : new double[] {0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8}) {
            for (double from : new double[] {0.5, 0.6, 0.7, 0.8, 0.85}) {
                out.printf(Locale.ROOT, "%10.1f  %8.2f   %s%n", logOdds, from, figures(scored, logOdds, from));
            }
        }
        out.flush();
        return 0;
    }

    private static String figures(List<Scored> scored, double logOdds, double from) {
        int legit = 0;
        int legitFlagged = 0;
        int sa = 0;
        int saFlagged = 0;
        int scams = 0;
        int scamsFlagged = 0;
        int pp = 0;
        int ppFlagged = 0;
        for (Scored s : scored) {
            boolean flagged = Detector.combine(s.pScam(), s.rules(), logOdds) >= from;
            if (s.gold().equals(Schemes.LEGITIMATE)) {
                legit++;
                legitFlagged += flagged ? 1 : 0;
                sa += s.corpus().startsWith("spamassassin") ? 1 : 0;
                saFlagged += s.corpus().startsWith("spamassassin") && flagged ? 1 : 0;
            } else if (Schemes.isScam(s.gold())) {
                scams++;
                scamsFlagged += flagged ? 1 : 0;
                pp += s.corpus().equals("phishing-pot") ? 1 : 0;
                ppFlagged += s.corpus().equals("phishing-pot") && flagged ? 1 : 0;
            }
        }
        return String.format(
                Locale.ROOT,
                "%10.4f  %17.4f  %13.4f  %20.4f",
                ratio(legitFlagged, legit),
                ratio(saFlagged, sa),
                ratio(scamsFlagged, scams),
                ratio(ppFlagged, pp));
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
