package fr.vigie.report;

import fr.vigie.detect.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A line of the analysts' list of reports. */
public record ReportSummary(
        String id,
        Instant receivedAt,
        Status status,
        Channel channel,
        boolean minor,
        String country,
        Optional<Verdict> verdict,
        int score,
        List<String> schemes) {
    public ReportSummary {
        schemes = List.copyOf(schemes);
    }
}
