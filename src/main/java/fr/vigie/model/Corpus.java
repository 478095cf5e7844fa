package fr.vigie.model;

import fr.vigie.BadInputException;
import fr.vigie.forensics.HeaderFindings;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Labelled messages of a data folder, harmonised, each with its split key and side. The caller opens files through
 * {@link Source}, so this package never touches the file system. Not thread-safe (it caches the SMS files it read).
 */
public final class Corpus {
    /** Opens a file of the data folder by its relative path. */
    @FunctionalInterface
    public interface Source {
        InputStream open(String relativePath) throws IOException;
    }

    /** A labelled message ready for training or evaluation. */
    public record Sample(LabelRow label, Harmonised message, String key, KeyedSplit.Side side) {}

    private final Harmoniser harmoniser;
    private final Source source;
    private final Map<String, List<String>> smsFiles = new HashMap<>();

    public Corpus(Harmoniser harmoniser, Source source) {
        this.harmoniser = harmoniser;
        this.source = source;
    }

    /**
     * The harmonised sample of a row, or empty when its file is refused by the harmoniser (over a limit, binary).
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public Optional<Sample> sample(LabelRow row) {
        try {
            if (row.isSmsRow()) {
                String text = smsText(row);
                return Optional.of(sample(row, harmoniser.harmoniseText(text), KeyedSplit.smsKey(text)));
            }
            byte[] bytes;
            try (InputStream in = source.open(row.file())) {
                bytes = in.readAllBytes();
            }
            Harmonised message = harmoniser.harmonise(bytes);
            return Optional.of(sample(row, message, key(row, message)));
        } catch (BadInputException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(row.file() + ": " + e.getMessage(), e);
        }
    }

    private static Sample sample(LabelRow row, Harmonised message, String key) {
        return new Sample(row, message, key, KeyedSplit.side(key));
    }

    /** The split key of an e-mail row: the From address for clair-419, else the file column. */
    static String key(LabelRow row, Harmonised message) {
        if (row.corpus().equals("clair-419")) {
            return message.findings()
                    .flatMap(f -> f.senders().from())
                    .map(HeaderFindings.MailAddress::address)
                    .filter(a -> !a.isBlank())
                    .map(a -> a.toLowerCase(Locale.ROOT))
                    .orElse(row.file());
        }
        return row.file();
    }

    private String smsText(LabelRow row) throws IOException {
        List<String> texts = smsFiles.get(row.smsFile());
        if (texts == null) {
            try (InputStream in = source.open(row.smsFile())) {
                texts = LabelFiles.smsTexts(row.smsFile(), new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            smsFiles.put(row.smsFile(), texts);
        }
        int line = row.smsLine();
        if (line > texts.size()) {
            throw new IOException("no line " + line + " in " + row.smsFile());
        }
        return texts.get(line - 1);
    }
}
