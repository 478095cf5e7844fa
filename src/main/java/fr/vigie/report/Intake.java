package fr.vigie.report;

import fr.vigie.BadInputException;
import fr.vigie.detect.Analysis;
import fr.vigie.detect.Detector;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Found;
import fr.vigie.identifier.Identifier;
import fr.vigie.message.Evidence;
import fr.vigie.report.PreparedReport.Origin;
import fr.vigie.report.PreparedReport.PreparedEvidence;
import fr.vigie.report.PreparedReport.ReportIdentifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a submitted report into what is stored: each evidence file hashed and, when it is a message (an e-mail or
 * text), harmonised and analysed exactly as {@code vigie check} would; the identifiers declared and found, the
 * victim's own addresses left out; the report's verdict (its most alarming message's); and the submission key.
 * Pure and thread-safe.
 */
public final class Intake {
    /** Writes an analysis as {@code vigie check --json} does, in the victim's language (the render package). */
    public interface Renderer {
        String json(Harmonised message, Analysis analysis, Lang lang);
    }

    private final Harmoniser harmoniser;
    private final Detector detector;
    private final Renderer renderer;

    public Intake(Harmoniser harmoniser, Detector detector, Renderer renderer) {
        this.harmoniser = harmoniser;
        this.detector = detector;
        this.renderer = renderer;
    }

    public PreparedReport prepare(NewReport report) {
        List<PreparedEvidence> evidence = new ArrayList<>();
        Map<String, ReportIdentifier> identifiers = new LinkedHashMap<>();
        for (Identifier declared : report.declared()) {
            identifiers.putIfAbsent(key(declared), new ReportIdentifier(declared, Origin.DECLARED));
        }
        PreparedEvidence worst = null;
        for (EvidenceFile file : report.evidence()) {
            PreparedEvidence item = prepare(file, report.situation());
            evidence.add(item);
            item.message().ifPresent(h -> addFound(h, identifiers));
            if (item.analysis().isPresent()
                    && (worst == null
                            || item.analysis().get().score()
                                    > worst.analysis().get().score())) {
                worst = item;
            }
        }
        Optional<Analysis> verdict = worst == null ? Optional.empty() : worst.analysis();
        return new PreparedReport(
                report,
                evidence,
                new ArrayList<>(identifiers.values()),
                verdict.map(Analysis::verdict),
                verdict.map(Analysis::score).orElse(0),
                verdict.map(a -> a.scamTypes().stream()
                                .map(Analysis.SchemeConfidence::type)
                                .toList())
                        .orElse(List.of()),
                submissionKey(report, evidence));
    }

    /**
     * The submission key {@link #prepare} would give the report, without analysing it (its evidence is only hashed):
     * an import run again looks up each message by it and analyses only those not stored yet.
     */
    public String submissionKey(NewReport report) {
        List<PreparedEvidence> hashed = report.evidence().stream()
                .map(file -> new PreparedEvidence(
                        file,
                        Evidence.sha256(file.bytes()),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .toList();
        return submissionKey(report, hashed);
    }

    private PreparedEvidence prepare(EvidenceFile file, Situation situation) {
        String sha256 = Evidence.sha256(file.bytes());
        if (!isMessage(file)) {
            return new PreparedEvidence(
                    file, sha256, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        try {
            Harmonised h = harmoniser.harmonise(file.bytes());
            Analysis analysis = detector.analyse(h, situation.minor(), situation.country());
            String json = renderer.json(h, analysis, situation.lang());
            return new PreparedEvidence(
                    file, sha256, Optional.of(h), Optional.of(analysis), Optional.of(json), Optional.empty());
        } catch (BadInputException e) {
            // The file is kept exactly all the same: an analyst may read what the parser could not.
            return new PreparedEvidence(
                    file, sha256, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(e.code()));
        }
    }

    /** Messages are analysed; images, PDFs and other files are kept as they are (no OCR yet). */
    static boolean isMessage(EvidenceFile file) {
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        String name = file.filename().toLowerCase(Locale.ROOT);
        return type.startsWith("message/")
                || type.startsWith("text/")
                || name.endsWith(".eml")
                || name.endsWith(".txt");
    }

    private static void addFound(Harmonised h, Map<String, ReportIdentifier> identifiers) {
        for (Found found : h.identifiers()) {
            Identifier id = found.identifier();
            if (!h.recipients().contains(id.normalized())) {
                identifiers.putIfAbsent(key(id), new ReportIdentifier(id, Origin.FOUND));
            }
        }
    }

    private static String key(Identifier id) {
        return id.kind().id() + ':' + id.normalized();
    }

    /**
     * SHA-256 over every field, each written as {@code name:length:value}, so no two different submissions share a
     * canonical form; the evidence counts by its hash, in order.
     */
    static String submissionKey(NewReport r, List<PreparedEvidence> evidence) {
        StringBuilder sb = new StringBuilder();
        field(sb, "contact.name", r.reporter().flatMap(Contact::name).orElse(""));
        field(sb, "contact.email", r.reporter().flatMap(Contact::email).orElse(""));
        field(sb, "contact.phone", r.reporter().flatMap(Contact::phone).orElse(""));
        field(sb, "minor", Boolean.toString(r.situation().minor()));
        field(sb, "country", r.situation().country());
        field(sb, "lang", r.situation().lang().id());
        field(sb, "channel", r.channel().id());
        field(sb, "narrative", r.narrative());
        field(sb, "first", r.firstContact().map(Object::toString).orElse(""));
        field(sb, "last", r.lastContact().map(Object::toString).orElse(""));
        for (Loss loss : r.losses()) {
            field(
                    sb,
                    "loss",
                    loss.amount().toPlainString()
                            + ' '
                            + loss.currency()
                            + ' '
                            + loss.method().id()
                            + ' '
                            + loss.paidOn().map(Object::toString).orElse(""));
        }
        r.declared().stream().map(Intake::key).sorted(Comparator.naturalOrder()).forEach(k -> field(sb, "id", k));
        for (PreparedEvidence e : evidence) {
            field(sb, "evidence", e.sha256());
        }
        MessageDigest digest = Evidence.digest();
        return HexFormat.of().formatHex(digest.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name)
                .append(':')
                .append(value.length())
                .append(':')
                .append(value)
                .append('\n');
    }
}
