package fr.vigie.report;

import fr.vigie.identifier.Identifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as submitted, already checked ({@link ReportForm}): who reports (optional), the victim's situation,
 * what happened, how, what was lost, the identifiers the victim names (in normal form), and the evidence files.
 *
 * @param source where it came from: {@code web}, {@code api}, {@code import}... (recorded in the chain of custody)
 */
public record NewReport(
        Optional<Contact> reporter,
        Situation situation,
        Channel channel,
        String narrative,
        Optional<LocalDate> firstContact,
        Optional<LocalDate> lastContact,
        List<Loss> losses,
        List<Identifier> declared,
        List<EvidenceFile> evidence,
        String source) {

    public NewReport {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(narrative, "narrative");
        Objects.requireNonNull(firstContact, "firstContact");
        Objects.requireNonNull(lastContact, "lastContact");
        Objects.requireNonNull(source, "source");
        losses = List.copyOf(losses);
        declared = List.copyOf(declared);
        evidence = List.copyOf(evidence);
        reporter = reporter.filter(c -> !c.isEmpty());
    }
}
