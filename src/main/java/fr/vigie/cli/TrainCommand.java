package fr.vigie.cli;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.model.Corpus;
import fr.vigie.model.KeyedSplit;
import fr.vigie.model.LabelFiles;
import fr.vigie.model.LabelRow;
import fr.vigie.model.ModelTrainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie train}: trains the statistical model on the train side of the keyed split of a labelled folder. */
@Command(name = "train", description = "Train the scam model on DIR/labels/*.csv (train side of the keyed split only).")
final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data folder (with labels/)")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "the model file to write (default: scam-model.vgm.gz)")
    Path out = Path.of("scam-model.vgm.gz");

    @Option(names = "--seed", paramLabel = "N", description = "training seed (default: 12345)")
    long seed = ModelTrainer.DEFAULT_SEED;

    @Option(names = "--git-sha", paramLabel = "SHA", description = "the commit of the training code, for provenance")
    String gitSha = "";

    @Option(names = "--hold-out-validation", hidden = true, description = "leave the validation slice out of the model")
    boolean holdOutValidation;

    @Option(names = "--tune", hidden = true, split = ",", description = "epochs,learningRate,classWeightCap")
    List<Double> tune = List.of();

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        List<LabelRow> rows;
        try {
            rows = labels(data, List.of());
        } catch (IOException | UncheckedIOException e) {
            err.println("vigie train: cannot read the labels in " + data + " (" + e.getMessage() + ")");
            return Main.UNREADABLE_INPUT;
        }
        Corpus corpus = corpus(data);
        List<ModelTrainer.Labelled> train = new ArrayList<>();
        Map<String, int[]> counts = new TreeMap<>();
        int refused = 0;
        for (LabelRow row : rows) {
            var sample = corpus.sample(row);
            if (sample.isEmpty()) {
                refused++;
                continue;
            }
            KeyedSplit.Side side = sample.get().side();
            counts.computeIfAbsent(row.primary(), k -> new int[3])[side.ordinal()]++;
            if (side.isTrain()) {
                train.add(new ModelTrainer.Labelled(sample.get().message(), row.primary(), side));
            }
        }
        long harmonised = System.nanoTime();
        stdout.printf(
                Locale.ROOT,
                "%d labelled messages harmonised in %.1f s (%d refused by the harmoniser)%n",
                rows.size(),
                (harmonised - start) / 1e9,
                refused);
        stdout.printf(Locale.ROOT, "%-20s %7s %10s %7s%n", "scheme", "train", "validation", "test");
        counts.forEach((scheme, c) -> stdout.printf(Locale.ROOT, "%-20s %7d %10d %7d%n", scheme, c[0], c[1], c[2]));
        stdout.flush();
        var result = ModelTrainer.train(
                train, options(), OffsetDateTime.now(Clock.systemUTC()).withOffsetSameInstant(ZoneOffset.UTC), gitSha);
        long trained = System.nanoTime();
        try (OutputStream file = Files.newOutputStream(out)) {
            result.model().write(file);
        }
        stdout.printf(
                Locale.ROOT,
                "trained on %d messages in %.1f s; threshold %.2f; validation %s%n",
                train.size(),
                (trained - harmonised) / 1e9,
                result.model().threshold(),
                result.validation());
        stdout.printf(Locale.ROOT, "wrote %s (%d bytes)%n", out, Files.size(out));
        return 0;
    }

    private ModelTrainer.Options options() {
        ModelTrainer.Options options = ModelTrainer.Options.defaults().withSeed(seed);
        if (tune.size() == 3) {
            options = options.with(tune.get(0).intValue(), tune.get(1), tune.get(2));
        }
        return holdOutValidation ? options.holdingOutValidation() : options;
    }

    /** The data folder's files, opened by their path relative to it. */
    static Corpus corpus(Path data) {
        Config config = Config.defaults();
        return new Corpus(new App(config).harmoniser(), relative -> Files.newInputStream(data.resolve(relative)));
    }

    /**
     * The rows of the given label files, or of every {@code DIR/labels/*.csv} when none is given. A manifest's files
     * are made relative to the data folder; an SMS TSV names its rows by its own path in the folder.
     */
    static List<LabelRow> labels(Path data, List<Path> files) throws IOException {
        List<Path> sources = new ArrayList<>(files);
        if (sources.isEmpty()) {
            try (Stream<Path> csvs = Files.list(data.resolve("labels"))) {
                csvs.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(sources::add);
            }
        }
        List<LabelRow> rows = new ArrayList<>();
        Path root = data.toAbsolutePath().normalize();
        for (Path file : sources) {
            Path absolute = file.toAbsolutePath().normalize();
            String name = root.relativize(absolute).toString().replace('\\', '/');
            boolean manifest = absolute.getFileName().toString().equals("manifest.csv");
            String prefix = "";
            if (manifest
                    && absolute.getParent() != null
                    && !absolute.getParent().equals(root)) {
                prefix = root.relativize(absolute.getParent()).toString().replace('\\', '/') + "/";
            }
            try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
                rows.addAll(LabelFiles.read(name, prefix, reader));
            }
        }
        return rows;
    }
}
