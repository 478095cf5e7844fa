package fr.vigie.report;

import fr.vigie.detect.Analysis;
import fr.vigie.detect.Verdict;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.identifier.Identifier;
import java.util.List;
import java.util.Optional;

/**
 * A report ready to be stored: the submission, each evidence file with its hash and, when it is a message, what
 * harmonisation and detection made of it, every identifier (declared and found), the report's overall verdict,
 * and the submission key that makes a resubmission of the same fields and bytes the same report.
 *
 * @param submissionKey SHA-256 (hex) of a canonical form of every field and every evidence hash
 */
public record PreparedReport(
        NewReport report,
        List<PreparedEvidence> evidence,
        List<ReportIdentifier> identifiers,
        Optional<Verdict> verdict,
        int score,
        List<String> schemes,
        String submissionKey) {

    public PreparedReport {
        evidence = List.copyOf(evidence);
        identifiers = List.copyOf(identifiers);
        schemes = List.copyOf(schemes);
    }

    /**
     * One evidence file: its SHA-256 and size, and the analysis when it could be read as a message.
     *
     * @param analysisJson the analysis as {@code vigie check --json} writes it, kept with the evidence
     * @param refusal why it could not be read as a message (a code of {@link fr.vigie.BadInputException}), if it was
     *     one and was refused; the file is kept all the same
     */
    public record PreparedEvidence(
            EvidenceFile file,
            String sha256,
            Optional<Harmonised> message,
            Optional<Analysis> analysis,
            Optional<String> analysisJson,
            Optional<String> refusal) {}

    /** An identifier of the report and where it comes from. */
    public record ReportIdentifier(Identifier identifier, Origin origin) {}

    /** Declared by the victim, or found in an evidence message. */
    public enum Origin {
        DECLARED,
        FOUND;

        public String id() {
            return this == DECLARED ? "declared" : "found";
        }
    }
}
