package fr.vigie.dossier;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Identifiers;
import fr.vigie.report.Loss;
import fr.vigie.report.PreparedReport.Origin;
import fr.vigie.report.Report;
import fr.vigie.report.Report.StoredEvidence;
import fr.vigie.report.Report.StoredIdentifier;
import fr.vigie.rules.Bilingual;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The sections of a victim's complaint dossier, drawn in order on {@link Pages}. */
final class VictimPages {
    private final Pages pages;
    private final Words words;
    private final Texts texts;
    private final Lang lang;
    private final Identifiers identifiers;
    private final Map<String, Bilingual> flagTexts;

    VictimPages(Pages pages, Lang lang, Identifiers identifiers, Map<String, Bilingual> flagTexts) {
        this.pages = pages;
        this.words = Words.of(lang);
        this.texts = Texts.of(lang);
        this.lang = lang;
        this.identifiers = identifiers;
        this.flagTexts = flagTexts;
    }

    void draw(VictimDossier dossier, Instant generatedAt) {
        Report r = dossier.report();
        List<MessageFacts> facts = r.evidence().stream()
                .map(e -> MessageFacts.read(e.analysisJson()))
                .toList();
        pages.newPage();
        pages.title(words.get("victim.title"));
        pages.subheading(words.get("victim.subtitle", r.id(), Formats.dateTime(r.receivedAt())));
        pages.small(words.get("victim.generated", Formats.dateTime(generatedAt)));
        facts(r);
        timeline(r);
        losses(r.losses());
        identifiers(r.identifiers());
        evidence(r, facts, dossier.custody());
        analysis(r, facts);
        services(dossier.steps());
    }

    private void facts(Report r) {
        pages.heading(words.get("victim.facts"));
        pages.field(
                words.get("victim.channel"), words.get("channel." + r.channel().id()));
        pages.field(
                words.get("victim.first"), r.firstContact().map(Formats::date).orElse(words.get("unknown")));
        pages.field(words.get("victim.last"), r.lastContact().map(Formats::date).orElse(words.get("unknown")));
        pages.field(words.get("victim.country"), r.situation().country());
        pages.field(words.get("victim.minor"), words.get(r.situation().minor() ? "yes" : "no"));
        pages.field(words.get("victim.status"), words.get("status." + r.status().id()));
        pages.subheading(words.get("victim.narrative"));
        pages.paragraph(r.narrative().isBlank() ? words.get("victim.narrative.none") : r.narrative());
    }

    private void timeline(Report r) {
        record Event(Instant at, boolean withTime, String text) {}
        List<Event> events = new ArrayList<>();
        r.firstContact().ifPresent(d -> events.add(new Event(day(d), false, words.get("timeline.first"))));
        r.lastContact().ifPresent(d -> events.add(new Event(day(d), false, words.get("timeline.last"))));
        for (Loss loss : r.losses()) {
            loss.paidOn()
                    .ifPresent(d -> events.add(new Event(
                            day(d),
                            false,
                            words.get(
                                    "timeline.paid",
                                    Formats.money(loss.amount(), loss.currency(), lang),
                                    words.get("method." + loss.method().id())))));
        }
        events.add(new Event(r.receivedAt(), true, words.get("timeline.report")));
        for (StoredEvidence e : r.evidence()) {
            events.add(new Event(
                    e.receivedAt(), true, words.get("timeline.evidence", Integer.toString(e.seq() + 1), e.filename())));
        }
        r.history().stream()
                .skip(1) // the first is the report's reception, already said
                .forEach(c -> events.add(new Event(
                        c.at(),
                        true,
                        words.get(
                                "timeline.status",
                                words.get("status." + c.status().id()),
                                c.actor()))));
        events.sort(Comparator.comparing(Event::at));
        pages.heading(words.get("victim.timeline"));
        for (Event e : events) {
            pages.row(
                    new float[] {150, Pages.WIDTH - 150},
                    new String[] {
                        e.withTime()
                                ? Formats.dateTime(e.at())
                                : Formats.date(LocalDate.ofInstant(e.at(), ZoneOffset.UTC)),
                        e.text()
                    },
                    new boolean[] {false, false},
                    Pages.BODY);
        }
    }

    private void losses(List<Loss> losses) {
        pages.heading(words.get("victim.losses"));
        if (losses.isEmpty()) {
            pages.paragraph(words.get("losses.none"));
            return;
        }
        Pages.Table table = pages.table(
                new float[] {110, 130, Pages.WIDTH - 240},
                new String[] {words.get("losses.date"), words.get("losses.amount"), words.get("losses.method")},
                Pages.BODY);
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Loss loss : losses) {
            table.row(
                    loss.paidOn().map(Formats::date).orElse(words.get("losses.unknownDate")),
                    Formats.money(loss.amount(), loss.currency(), lang),
                    words.get("method." + loss.method().id()));
            totals.merge(loss.currency(), loss.amount(), BigDecimal::add);
        }
        table.end();
        totals.forEach((currency, total) ->
                pages.paragraph(words.get("losses.total", currency, Formats.money(total, currency, lang))));
    }

    private void identifiers(List<StoredIdentifier> found) {
        pages.heading(words.get("victim.identifiers"));
        if (found.isEmpty()) {
            pages.paragraph(words.get("identifiers.none"));
            return;
        }
        Pages.Table table = pages.table(
                new float[] {90, Pages.WIDTH - 230, 140},
                new String[] {
                    words.get("identifiers.kind"), words.get("identifiers.value"), words.get("identifiers.origin")
                },
                Pages.BODY);
        for (StoredIdentifier id : found) {
            table.row(
                    texts.get("kind." + id.kind().id()),
                    display(identifiers, id),
                    words.get(id.origin() == Origin.DECLARED ? "origin.declared" : "origin.found"));
        }
        table.end();
    }

    /** The value as a person reads it: an IBAN in groups of four, a link defanged. */
    static String display(Identifiers identifiers, StoredIdentifier id) {
        try {
            return identifiers
                    .parseAny(id.value())
                    .filter(parsed -> parsed.kind() == id.kind())
                    .map(parsed -> parsed.display())
                    .orElse(id.value());
        } catch (RuntimeException e) {
            return id.value(); // a stored value the parser no longer reads is still shown as stored
        }
    }

    private void evidence(Report r, List<MessageFacts> facts, List<CustodyEntry> custody) {
        pages.heading(words.get("victim.evidence"));
        if (r.evidence().isEmpty()) {
            pages.paragraph(words.get("evidence.none"));
            return;
        }
        for (int i = 0; i < r.evidence().size(); i++) {
            StoredEvidence e = r.evidence().get(i);
            pages.subheading(words.get("evidence.item", Integer.toString(e.seq() + 1), e.filename()));
            pages.field(
                    words.get("evidence.type"),
                    words.get("evidence.size", e.mediaType(), Formats.count(e.size(), lang)));
            pages.codeField(words.get("evidence.sha"), e.sha256());
            pages.field(words.get("evidence.received"), Formats.dateTime(e.receivedAt()));
            e.refusal().ifPresent(code -> pages.field(words.get("evidence.unreadable"), code));
            List<String> chain = custody.stream()
                    .filter(c -> c.sha256().equals(e.sha256()))
                    .map(c -> words.get(
                            "custody.entry",
                            Formats.dateTime(c.at()),
                            words.get("custody." + c.action()).startsWith("custody.")
                                    ? c.action()
                                    : words.get("custody." + c.action()),
                            c.actor()))
                    .toList();
            if (!chain.isEmpty()) {
                pages.field(words.get("evidence.custody"), String.join("\n", chain));
            }
            headers(facts.get(i));
        }
    }

    private void headers(MessageFacts f) {
        if (!f.hasHeaders()) {
            return;
        }
        pages.subheading(words.get("victim.headers"));
        f.subject().ifPresent(s -> pages.field(words.get("headers.subject"), s));
        f.from().ifPresent(s -> pages.field(words.get("headers.from"), s));
        f.replyTo().ifPresent(s -> pages.field(words.get("headers.replyTo"), s));
        f.returnPath().ifPresent(s -> pages.field(words.get("headers.returnPath"), s));
        pages.field(
                words.get("headers.origin"),
                f.origin()
                        .map(o -> words.get(
                                "headers.origin.value",
                                o.ip(),
                                o.reverseDns()
                                        .or(o::helo)
                                        .map(n -> " (" + n + ")")
                                        .orElse(""),
                                words.get(
                                        o.recordedByReceiver() ? "headers.origin.receiver" : "headers.origin.sender")))
                        .orElse(words.get("headers.origin.none")));
        if (f.hops() > 0) {
            pages.field(words.get("headers.path"), Integer.toString(f.hops()));
        }
        f.sendingClient().ifPresent(s -> pages.field(words.get("headers.client"), s));
        List<String> auth = new ArrayList<>();
        for (MessageFacts.Auth a : f.authentication()) {
            auth.add(authSentence(a));
        }
        auth.add(words.get("headers.auth.note"));
        pages.field(words.get("headers.auth"), String.join("\n", auth));
        if (!f.mismatches().isEmpty()) {
            List<String> said = new ArrayList<>();
            for (String code : f.mismatches()) {
                said.add(texts.has("mismatch." + code) ? texts.get("mismatch." + code) : code);
            }
            pages.field(words.get("headers.mismatches"), String.join("\n", said));
        }
    }

    private String authSentence(MessageFacts.Auth a) {
        String name = a.method().toUpperCase(java.util.Locale.ROOT);
        String key = "auth." + a.method() + "." + a.result();
        String sentence;
        if (a.result().equals("none")) {
            sentence = words.get("auth.none", name);
        } else if (a.domain().isPresent() && !words.get(key).equals(key)) {
            sentence = words.get(key, a.domain().get());
        } else {
            sentence = words.get(
                    "auth.other",
                    name,
                    a.result(),
                    a.domain().map(d -> words.get("auth.domain", d)).orElse(""));
        }
        return a.trusted() || a.result().equals("none") ? sentence : sentence + words.get("auth.untrusted");
    }

    private void analysis(Report r, List<MessageFacts> facts) {
        pages.heading(words.get("victim.analysis"));
        if (r.verdict().isEmpty()) {
            pages.paragraph(words.get("analysis.none"));
            return;
        }
        pages.paragraph(texts.get("verdict." + r.verdict().get().id(), Integer.toString(r.score())));
        if (!r.schemes().isEmpty()) {
            pages.field(
                    words.get("analysis.schemes"),
                    String.join(
                            ", ",
                            r.schemes().stream()
                                    .map(s -> texts.get("scheme." + s))
                                    .toList()));
        }
        Map<String, String> flags = new LinkedHashMap<>();
        for (MessageFacts f : facts) {
            for (MessageFacts.Flag flag : f.redFlags()) {
                flags.putIfAbsent(
                        flag.id(),
                        Optional.ofNullable(flagTexts.get(flag.id()))
                                .map(b -> lang == Lang.FR ? b.fr() : b.en())
                                .orElse(flag.explanation()));
            }
        }
        pages.subheading(words.get("analysis.flags"));
        if (flags.isEmpty()) {
            pages.paragraph(words.get("analysis.flags.none"));
        }
        flags.values().forEach(pages::bullet);
    }

    private void services(List<DossierStep> steps) {
        pages.heading(words.get("victim.services"));
        if (steps.isEmpty()) {
            pages.paragraph(words.get("services.none"));
            return;
        }
        int n = 0;
        for (DossierStep step : steps) {
            n++;
            StringBuilder details = new StringBuilder(step.reason());
            if (!step.contact().isBlank()) {
                details.append(details.isEmpty() ? "" : "\n").append(words.get("services.contact", step.contact()));
            }
            pages.numbered(n + ".", step.title(), details.toString());
        }
    }

    private static Instant day(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
