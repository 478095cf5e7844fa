package fr.vigie.cli;

import fr.vigie.BadInputException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.detect.Analysis;
import fr.vigie.detect.Detector;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.harmonise.Mbox;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.ocr.Ocr;
import fr.vigie.ocr.OcrUnavailableException;
import fr.vigie.orient.Case;
import fr.vigie.orient.Orientation;
import fr.vigie.orient.Router;
import fr.vigie.render.CheckJson;
import fr.vigie.render.CheckText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie check}: what a message is made of — header findings and identifiers — for a person or a program. */
@Command(
        name = "check",
        description = "Analyse a message: an .eml, an .mbox (each message in turn), text (.txt or - for stdin), or a"
                + " screenshot (PNG, JPEG…, read by Tesseract OCR).")
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", description = "the message file, or - to read standard input")
    String file;

    @Option(names = "--json", description = "one JSON object per message (JSON Lines for an mbox)")
    boolean json;

    @Option(
            names = "--country",
            paramLabel = "CC",
            description = "the person's country: national phone numbers and where to turn (default: FR)")
    String country;

    @Option(names = "--lang", paramLabel = "fr|en", description = "language of the answer (default: the message's)")
    String lang;

    @Option(names = "--dns", description = "allow DNS look-ups to verify DKIM signatures (off: no network)")
    boolean dns;

    @Option(names = "--minor", description = "the person who received it is a minor: child-protection steps first")
    boolean minor;

    @Option(names = "--report-heap", hidden = true, description = "print the peak heap on stderr at the end (bench)")
    boolean reportHeap;

    private Detector detector;
    private Router router;
    private String personCountry;
    private App app;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lang != null && Lang.fromId(lang).isEmpty()) {
            err.println("vigie check: --lang must be fr or en");
            return 2;
        }
        Config config = Config.defaults().withDns(dns);
        if (country != null) {
            if (!country.matches("[A-Za-z]{2}")) {
                err.println("vigie check: --country must be a two-letter country code such as FR");
                return 2;
            }
            config = config.withCountry(country.toUpperCase(Locale.ROOT));
        }
        app = new App(config);
        Harmoniser harmoniser = app.harmoniser();
        detector = app.detector();
        router = app.router();
        personCountry = config.country();
        try (InputStream in = open()) {
            int code = analyse(harmoniser, in, out, err);
            if (reportHeap) {
                err.println("peak heap: " + (fr.vigie.bench.Bench.peakHeap() >> 20) + " MB");
            }
            return code;
        } catch (OcrUnavailableException e) {
            err.println("vigie check: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        } catch (NoSuchFileException e) {
            err.println("vigie check: no such file: " + file);
            return Main.UNREADABLE_INPUT;
        } catch (IOException | UncheckedIOException e) {
            err.println("vigie check: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            return Main.UNREADABLE_INPUT;
        }
    }

    private InputStream open() throws IOException {
        InputStream raw = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
        return new BufferedInputStream(raw, 65536);
    }

    private int analyse(Harmoniser harmoniser, InputStream in, PrintWriter out, PrintWriter err) throws IOException {
        in.mark(16);
        byte[] head = in.readNBytes(12);
        in.reset();
        if (Mbox.looksLikeMbox(head)) {
            return analyseMbox(harmoniser, in, out, err);
        }
        try {
            if (Ocr.isImage(head)) { // a screenshot: read by OCR, then analysed as the text it shows
                byte[] image = in.readNBytes((int) Ocr.Limits.DEFAULT.maxBytes() + 1);
                print(app.harmoniseFile(harmoniser, image), out, -1);
                return 0;
            }
            print(harmoniser.read(in), out, -1);
            return 0;
        } catch (BadInputException e) {
            refused(e, out, err, -1);
            return Main.UNREADABLE_INPUT;
        }
    }

    private int analyseMbox(Harmoniser harmoniser, InputStream in, PrintWriter out, PrintWriter err) {
        Mbox mbox = harmoniser.mbox(in);
        int refused = 0;
        while (mbox.hasNext()) {
            Mbox.Entry entry = mbox.next();
            try {
                if (entry.error() != null) {
                    throw entry.error();
                }
                print(harmoniser.harmonise(entry.bytes()), out, entry.number());
            } catch (BadInputException e) {
                refused++;
                refused(e, out, err, entry.number());
            }
        }
        return refused == 0 ? 0 : Main.UNREADABLE_INPUT;
    }

    private void print(Harmonised h, PrintWriter out, int number) {
        Analysis analysis = detector.analyse(h, minor, personCountry);
        Lang answer = lang != null ? Lang.fromId(lang).orElseThrow() : Lang.answering(h.language());
        Orientation orientation = router.route(Case.of(analysis, h.kind(), personCountry, minor), answer);
        if (json) {
            var node = CheckJson.of(h, analysis, orientation, answer);
            if (number > 0) {
                node.put("message", number);
            }
            out.println(CheckJson.line(node));
        } else {
            if (number > 0) {
                out.println("#" + number);
            }
            out.println(new CheckText(Texts.of(answer)).render(h, analysis, orientation));
        }
        out.flush();
    }

    private void refused(BadInputException e, PrintWriter out, PrintWriter err, int number) {
        String where = number > 0 ? "message " + number + ": " : "";
        err.println("vigie check: " + where + e.getMessage());
        if (json) {
            var node = CheckJson.error(e.code(), e.getMessage());
            if (number > 0) {
                node.put("message", number);
            }
            out.println(CheckJson.line(node));
        }
    }
}
