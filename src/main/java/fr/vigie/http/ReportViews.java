package fr.vigie.http;

import fr.vigie.i18n.Lang;
import fr.vigie.orient.Case;
import fr.vigie.orient.Router;
import fr.vigie.render.CheckJson;
import fr.vigie.report.Report;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What {@code GET /api/reports/{id}} makes of a report that does not change from one read to the next, kept per
 * report at the version it was made of (the store moves a report's version on with every change to it, so a view of
 * an older version is never shown): the report's JSON, its facts for the priority (read from the analyses' JSON),
 * and its orientation; and the priority last made of them. A read then costs the version's query, the campaign,
 * and the priority again only when the campaign's recent reports or the day changed. The parts are kept as UTF-8
 * bytes, as they are sent: a read copies them once into its answer, instead of building a string of them, copying it
 * and encoding it (three copies of some 15 KB per read, most of what a read allocated, and young collections were
 * the p99 of this route). Memory is bounded: past {@code maxBytes} bytes of JSON, views are dropped until a quarter
 * is free. The view
 * holds what a victim and an analyst both see, never the reporter's identity (the store never hands it over).
 * Thread-safe.
 */
final class ReportViews {
    /**
     * A report as a read shows it, at one version.
     *
     * @param json the report's JSON object without its closing brace, in UTF-8, so the parts that change are added
     *     after it
     * @param orientation the orientation's JSON, in UTF-8
     */
    record View(
            long version,
            byte[] json,
            Case facts,
            byte[] orientation,
            Lang lang,
            AtomicReference<Priced> lastPriority) {
        long bytes() {
            return json.length + (long) orientation.length;
        }

        /**
         * The priority's JSON for this many recent reports of its campaign, on this day: made again only when one
         * of them changed since the last read (the facts are the view's).
         */
        byte[] priority(int recent, LocalDate day, Supplier<String> make) {
            Priced last = lastPriority.get();
            if (last != null && last.recent() == recent && last.day().equals(day)) {
                return last.json();
            }
            byte[] json = make.get().getBytes(StandardCharsets.UTF_8);
            lastPriority.set(new Priced(recent, day, json));
            return json;
        }
    }

    /** A priority as made for a number of recent reports on a day, in UTF-8. */
    record Priced(int recent, LocalDate day, byte[] json) {}

    private final ConcurrentHashMap<String, View> views = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;
    private final Router router;

    ReportViews(Router router, long maxBytes) {
        this.router = router;
        this.maxBytes = maxBytes;
    }

    /** A sixteenth of the heap. */
    static long defaultMaxBytes() {
        return Runtime.getRuntime().maxMemory() / 16;
    }

    /** The view kept of report {@code id}, of whichever version it was made; null when there is none. */
    View get(String id) {
        return views.get(id);
    }

    /** Makes the view of {@code report} as read at {@code version}, and keeps it in place of an older one. */
    View make(Report report, long version) {
        String json = ReportJson.of(report).toString();
        Case facts = Case.of(report);
        Lang lang = report.situation().lang();
        String orientation = CheckJson.orientation(router.route(facts, lang)).toString();
        View made = new View(
                version,
                json.substring(0, json.length() - 1).getBytes(StandardCharsets.UTF_8),
                facts,
                orientation.getBytes(StandardCharsets.UTF_8),
                lang,
                new AtomicReference<>());
        views.compute(report.id(), (id, old) -> {
            bytes.addAndGet(made.bytes() - (old == null ? 0 : old.bytes()));
            return made;
        });
        if (bytes.get() > maxBytes) {
            shrink();
        }
        return made;
    }

    /** Report {@code id} is gone: its view goes too. */
    void forget(String id) {
        views.computeIfPresent(id, (key, gone) -> {
            bytes.addAndGet(-gone.bytes());
            return null;
        });
    }

    /** Bytes of JSON kept. */
    long bytes() {
        return bytes.get();
    }

    /** Drops views, in no particular order, until a quarter of the budget is free (one thread at a time). */
    private synchronized void shrink() {
        for (Iterator<String> ids = views.keySet().iterator(); ids.hasNext() && bytes.get() > maxBytes / 4 * 3; ) {
            forget(ids.next());
        }
    }
}
