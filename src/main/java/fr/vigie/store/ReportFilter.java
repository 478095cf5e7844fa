package fr.vigie.store;

import fr.vigie.report.Status;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which reports an analyst lists.
 *
 * @param scheme a scheme id of the taxonomy
 * @param from received at or after
 * @param to received before
 * @param ids only these reports (a full-text search's hits)
 */
public record ReportFilter(
        Optional<String> scheme,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<Status> status,
        Optional<List<String>> ids,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 500;

    public ReportFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    public static ReportFilter all() {
        return new ReportFilter(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100, 0);
    }
}
