package fr.vigie.report;

import fr.vigie.detect.Verdict;
import fr.vigie.identifier.Kind;
import fr.vigie.report.PreparedReport.Origin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A stored report as analysts and the victim see it. Never the reporter's identity or contact: only a pseudonym
 * (none when the report is anonymous).
 */
public record Report(
        String id,
        Instant receivedAt,
        String source,
        Situation situation,
        Channel channel,
        String narrative,
        Optional<LocalDate> firstContact,
        Optional<LocalDate> lastContact,
        List<Loss> losses,
        Status status,
        List<StatusChange> history,
        List<StoredEvidence> evidence,
        List<StoredIdentifier> identifiers,
        Optional<Verdict> verdict,
        int score,
        List<String> schemes,
        Optional<String> reporterPseudonym) {

    public Report {
        losses = List.copyOf(losses);
        history = List.copyOf(history);
        evidence = List.copyOf(evidence);
        identifiers = List.copyOf(identifiers);
        schemes = List.copyOf(schemes);
    }

    /** One step of the report's life: who moved it to which status, when, and why. */
    public record StatusChange(Status status, Instant at, String actor, String note) {}

    /**
     * An evidence file of the report: its content address and size, what the sender called it, when it came, and
     * the analysis (the JSON of {@code vigie check}) when it was a message.
     */
    public record StoredEvidence(
            int seq,
            String sha256,
            long size,
            String filename,
            String mediaType,
            Instant receivedAt,
            Optional<String> refusal,
            Optional<Verdict> verdict,
            Optional<String> analysisJson) {}

    /** An identifier of the report, in normal form. */
    public record StoredIdentifier(Kind kind, String value, Origin origin) {}
}
