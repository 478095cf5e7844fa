package fr.vigie.model;

import fr.vigie.InvalidDataFileException;
import fr.vigie.rules.Schemes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the three label formats, recognised by their first line:
 *
 * <ul>
 *   <li>a labels CSV with a {@code file} column and a {@code primary} (or {@code label}) column, as in
 *       {@code labels/*.csv}; extra columns {@code secondary}, {@code lang}, {@code source} are kept;
 *   <li>the SpamAssassin {@code manifest.csv} ({@code file,label,subset}; ham becomes legitimate, spam becomes spam);
 *   <li>the UCI {@code SMSSpamCollection} ({@code label TAB text}, no header): each line becomes the row
 *       {@code <name>:<n>}.
 * </ul>
 *
 * Files named in a CSV are made relative to the data folder by {@code prefix} (the folder of the label file, for a
 * manifest; empty for {@code labels/*.csv}). Stateless and thread-safe.
 */
public final class LabelFiles {
    private LabelFiles() {}

    /**
     * @param name the label file's path relative to the data folder (names errors and SMS rows)
     * @param prefix prepended to every {@code file} of a CSV ("" or a folder ending in '/')
     */
    public static List<LabelRow> read(String name, String prefix, Reader reader) {
        BufferedReader in = new BufferedReader(reader);
        try {
            String first = peekFirstLine(in);
            if (first == null) {
                return List.of();
            }
            if (first.contains("\t")) {
                return smsCollection(name, in);
            }
            return csv(name, prefix, Csv.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<LabelRow> csv(String name, String prefix, List<List<String>> records) {
        List<String> header = header(records);
        int file = header.indexOf("file");
        int primary = header.indexOf("primary") >= 0 ? header.indexOf("primary") : header.indexOf("label");
        if (file < 0 || primary < 0) {
            throw new InvalidDataFileException(name, "needs a 'file' column and a 'primary' or 'label' column");
        }
        int secondary = header.indexOf("secondary");
        int lang = header.indexOf("lang");
        int source = header.indexOf("source");
        List<LabelRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            String label = scheme(at(r, primary));
            if (!Schemes.isKnown(label)) {
                throw new InvalidDataFileException(name, "row " + i + ": unknown scheme '" + at(r, primary) + "'");
            }
            rows.add(new LabelRow(
                    prefix + at(r, file), label, at(r, secondary), at(r, lang), source < 0 ? name : at(r, source)));
        }
        return List.copyOf(rows);
    }

    private static List<LabelRow> smsCollection(String name, BufferedReader in) throws IOException {
        List<LabelRow> rows = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new InvalidDataFileException(name, "line " + n + ": expected label TAB text");
            }
            String label = scheme(line.substring(0, tab));
            rows.add(new LabelRow(name + ":" + n, label, "", "", name));
        }
        return List.copyOf(rows);
    }

    /** The scheme for a label: ham is legitimate, smishing is phishing, the rest as written. */
    static String scheme(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "ham" -> Schemes.LEGITIMATE;
            case "smishing" -> "phishing";
            default -> l;
        };
    }

    /** The first line, left unread: it tells the SMS collection (label TAB text) from a CSV. */
    private static String peekFirstLine(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        String first = in.readLine();
        in.reset();
        return first;
    }

    /** A CSV's column names, trimmed and lower-cased. */
    private static List<String> header(List<List<String>> records) {
        return records.getFirst().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static String at(List<String> record, int index) {
        return index >= 0 && index < record.size() ? record.get(index).strip() : "";
    }

    /** The texts of an SMS file: {@code SMSSpamCollection} lines (label TAB text) or the partA CSV's TEXT column. */
    public static List<String> smsTexts(String name, Reader reader) {
        BufferedReader in = new BufferedReader(reader);
        try {
            String first = peekFirstLine(in);
            if (first == null) {
                return List.of();
            }
            if (first.contains("\t")) {
                List<String> texts = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    texts.add(line.substring(line.indexOf('\t') + 1));
                }
                return List.copyOf(texts);
            }
            List<List<String>> records = Csv.read(in);
            int text = header(records).indexOf("text");
            if (text < 0) {
                throw new InvalidDataFileException(name, "needs a TEXT column");
            }
            return records.subList(1, records.size()).stream()
                    .map(r -> at(r, text))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
