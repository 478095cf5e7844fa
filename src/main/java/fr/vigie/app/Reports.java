package fr.vigie.app;

import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Intake;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Report;
import fr.vigie.report.ReportForm;
import fr.vigie.report.ReportSummary;
import fr.vigie.report.Submission;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Audit;
import fr.vigie.store.ReportFilter;
import fr.vigie.store.Retention;
import fr.vigie.store.Store;
import fr.vigie.store.Subjects;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What can be done with reports, whoever asks (the server, a command): submit one (read the form, analyse each
 * message, store, make it searchable), open it, read its evidence, list and search. The store is the truth; the
 * search index follows it and is rebuilt from it when they disagree (after a crash, say).
 */
public final class Reports implements AutoCloseable {
    private final Store store;
    private final SearchIndex index;
    private final Intake intake;
    private final ReportForm form;

    public Reports(Store store, SearchIndex index, Intake intake, ReportForm form) {
        this.store = store;
        this.index = index;
        this.intake = intake;
        this.form = form;
    }

    /** The store and the index of {@code app}'s configuration; the index is rebuilt if it has fallen behind. */
    public static Reports open(App app) {
        Store store = Store.open(app.config());
        SearchIndex index;
        try {
            index = SearchIndex.open(app.config().dataDir().resolve("index"));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        if (index.count() != store.count()) {
            index.rebuild(store);
            index.commit();
        }
        return new Reports(store, index, app.intake(), new ReportForm(app.identifiers()));
    }

    /**
     * Reads, analyses and stores a report; committed when this returns. The same fields and files again give the
     * first submission's id and token.
     *
     * @throws fr.vigie.BadInputException when a field is wrong (nothing is stored)
     */
    public Submission submit(Map<String, List<String>> fields, List<EvidenceFile> files, String source) {
        PreparedReport prepared = intake.prepare(form.read(fields, files, source));
        Submission submission = store.submit(prepared);
        if (!submission.duplicate()) {
            index.add(Store.indexable(submission.id(), prepared));
        }
        return submission;
    }

    public Optional<Report> report(String id) {
        return store.report(id);
    }

    /** A report read by {@code actor}: the read is an entry of the audit log. */
    public Optional<Report> report(String id, String actor) {
        return store.report(id, actor);
    }

    /**
     * The same, its audit entry still on its way (show the report after {@code receipt().await()}), with the
     * report's placement since {@code since}; the report's rows are not read again when the
     * caller's copy is of the version {@code known} (see {@link Store#readAudited}).
     */
    public Optional<Audit.Audited<Store.Read>> readAudited(
            String id, String actor, java.time.Instant since, java.util.OptionalLong known) {
        return store.readAudited(id, actor, since, known);
    }

    /**
     * Erases the personal data of a data subject's reports (see {@link Subjects#erase}) from the store and from the
     * search index.
     */
    public Subjects.Erasure erase(List<String> reportIds, String actor, String reason) {
        Subjects.Erasure erasure = store.subjects().erase(reportIds, actor, reason);
        forget(erasure.erased());
        return erasure;
    }

    /** Runs the retention job at the store's clock; what it purged leaves the search index too. */
    public Retention.Outcome runRetention(Retention.Policy policy, java.time.Instant now) {
        Retention.Outcome outcome = store.retention().run(policy, now);
        if (outcome.analyses() + outcome.removed() > 0) {
            index.rebuild(store);
            index.commit();
        }
        return outcome;
    }

    private void forget(List<String> ids) {
        if (!ids.isEmpty()) {
            index.forget(
                    ids.stream().map(store::indexable).flatMap(Optional::stream).toList());
        }
    }

    /** Whether this follow-up token opens this report. */
    public boolean opens(String id, String token) {
        return store.tokenOpens(id, token);
    }

    /** An evidence file's bytes; the read joins its chain of custody under {@code actor}. */
    public Optional<Store.EvidenceContent> evidence(String id, int seq, String actor) {
        return store.evidence(id, seq, actor);
    }

    /** Reports matching the filter and, when a query is given, the full-text search (best matches only). */
    public List<ReportSummary> list(Optional<String> query, ReportFilter filter) {
        if (query.isEmpty()) {
            return store.list(filter);
        }
        List<String> ids = index.search(query.get(), 1_000);
        return store.list(new ReportFilter(
                filter.scheme(),
                filter.from(),
                filter.to(),
                filter.status(),
                Optional.of(ids),
                filter.limit(),
                filter.offset()));
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        try {
            index.close();
        } finally {
            store.close();
        }
    }
}
