package fr.vigie.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated values: quoted fields may hold commas, doubled quotes and line breaks. CR LF and LF both
 * end a record; a blank line is skipped. Stateless and thread-safe.
 */
final class Csv {
    private Csv() {}

    /** Every record of the text, the header included, each as its list of fields. */
    static List<List<String>> read(Reader reader) {
        try {
            return parse(reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> parse(Reader reader) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int c;
        while ((c = reader.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            reader.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n') {
                endRecord(records, record, field, fieldStarted);
                record = new ArrayList<>();
                fieldStarted = false;
            } else if (c != '\r') {
                field.append((char) c);
                fieldStarted = true;
            }
        }
        endRecord(records, record, field, fieldStarted);
        return records;
    }

    private static void endRecord(
            List<List<String>> records, List<String> record, StringBuilder field, boolean fieldStarted) {
        if (fieldStarted || !record.isEmpty()) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        field.setLength(0);
    }
}
