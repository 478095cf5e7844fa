package fr.vigie.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A benchmark's figures side by side: one row per figure, one column per store (or setting), in adding order. */
public final class Table {
    private final Map<String, List<String>> rows = new LinkedHashMap<>();

    /** Adds {@code value} to row {@code name}, in the next column. */
    public void add(String name, String value) {
        rows.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    public void print(PrintWriter out, String title, List<String> columns, int columnWidth) {
        String cell = "%" + columnWidth + "s";
        out.println();
        out.printf(Locale.ROOT, "%-48s", title);
        columns.forEach(c -> out.printf(Locale.ROOT, cell, c));
        out.println();
        rows.forEach((name, values) -> {
            out.printf(Locale.ROOT, "%-48s", name);
            values.forEach(v -> out.printf(Locale.ROOT, cell, v));
            out.println();
        });
        out.flush();
    }

    /** A latency's p50 and p99 in milliseconds. */
    public static String ms(Latency.Result r) {
        return String.format(Locale.ROOT, "%.2f / %.2f", r.p50Nanos() / 1e6, r.p99Nanos() / 1e6);
    }

    /** Requests per second and errors. */
    public static String rate(Latency.Result r) {
        return String.format(Locale.ROOT, "%.0f, %d", r.perSecond(), r.errors());
    }
}
