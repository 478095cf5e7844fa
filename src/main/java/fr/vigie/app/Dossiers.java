package fr.vigie.app;

import fr.vigie.dossier.CampaignDossier;
import fr.vigie.dossier.CampaignDossier.TemplateExcerpt;
import fr.vigie.dossier.CustodyEntry;
import fr.vigie.dossier.DossierStep;
import fr.vigie.dossier.DossierWriter;
import fr.vigie.dossier.VictimDossier;
import fr.vigie.i18n.Lang;
import fr.vigie.orient.Case;
import fr.vigie.orient.Router;
import fr.vigie.orient.Step;
import fr.vigie.report.Report;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dossiers from the store (whoever asks: the server, {@code vigie dossier}): a report's complaint dossier for its
 * victim, a campaign's investigation dossier. A campaign's reports are read one at a time while its dossier is
 * written, a page at a time, never all at once.
 */
public final class Dossiers {
    /** The most reports a campaign dossier lists (the newest); its figures still count every report. */
    public static final int MAX_LISTED = 10_000;

    /** Reports read from the store at once while a campaign dossier is written. */
    static final int PAGE = 100;

    /** How many of a campaign's earliest reports are tried for a message text to show as its template. */
    private static final int TEMPLATE_TRIES = 20;

    private final Store store;
    private final DossierWriter writer;
    private final Router router;

    public Dossiers(Store store, DossierWriter writer, Router router) {
        this.store = store;
        this.writer = writer;
        this.router = router;
    }

    /** Whether {@code id} is written as a campaign id ({@code C-} and a number) rather than a report id. */
    public static boolean isCampaign(String id) {
        return id.matches("C-\\d{1,9}");
    }

    /**
     * A report's dossier, with the chain of custody of its evidence and the services to contact (the router's steps
     * for this report, in {@code lang}, else in the report's language — the language the dossier is then written in).
     */
    public Optional<VictimDossier> victim(String reportId, Optional<Lang> lang) {
        return store.report(reportId)
                .map(r -> new VictimDossier(
                        r, custody(r), steps(r, lang.orElse(r.situation().lang()))));
    }

    private List<DossierStep> steps(Report r, Lang lang) {
        return router.route(Case.of(r), lang).steps().stream()
                .map(step -> new DossierStep(step.title(), step.reason(), contact(step.contact())))
                .toList();
    }

    private static String contact(Step.Contact contact) {
        return java.util.stream.Stream.of(contact.site(), contact.phone(), contact.address())
                .flatMap(Optional::stream)
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    private List<CustodyEntry> custody(Report r) {
        List<CustodyEntry> entries = new ArrayList<>();
        r.evidence().stream()
                .map(Report.StoredEvidence::sha256)
                .distinct()
                .forEach(sha -> store.custody(sha).stream()
                        .filter(event -> event.reportId().map(r.id()::equals).orElse(false))
                        .forEach(event ->
                                entries.add(new CustodyEntry(sha, event.at(), event.action(), event.actor()))));
        return entries;
    }

    /** A campaign's dossier: its figures now, its reports (oldest first) when the dossier is written. */
    public Optional<CampaignDossier> campaign(String campaignId) {
        return store.campaign(campaignId, MAX_LISTED).map(c -> {
            List<String> oldestFirst = new ArrayList<>(c.reports());
            java.util.Collections.reverse(oldestFirst);
            return new CampaignDossier(
                    c.id(),
                    c.reportCount(),
                    c.victims(),
                    c.minors(),
                    c.losses(),
                    c.firstSeen(),
                    c.lastSeen(),
                    c.countries(),
                    c.schemes(),
                    c.topIdentifiers(),
                    c.timeline(),
                    template(oldestFirst),
                    oldestFirst.size(),
                    each -> {
                        for (int from = 0; from < oldestFirst.size(); from += PAGE) {
                            store.reports(oldestFirst.subList(from, Math.min(oldestFirst.size(), from + PAGE)))
                                    .forEach(each);
                        }
                    });
        });
    }

    /** The text of the earliest message kept (never a victim's narrative: it may name them). */
    private Optional<TemplateExcerpt> template(List<String> oldestFirst) {
        for (String id : oldestFirst.subList(0, Math.min(TEMPLATE_TRIES, oldestFirst.size()))) {
            Optional<String> text = store.indexable(id)
                    .flatMap(i -> i.texts().stream().filter(t -> !t.isBlank()).findFirst());
            if (text.isPresent()) {
                return Optional.of(new TemplateExcerpt(id, text.get()));
            }
        }
        return Optional.empty();
    }

    public void write(VictimDossier dossier, Lang lang, OutputStream out) throws IOException {
        writer.write(dossier, lang, out);
    }

    public void write(CampaignDossier dossier, Lang lang, OutputStream out) throws IOException {
        writer.write(dossier, lang, out);
    }
}
