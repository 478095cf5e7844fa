package fr.vigie.store;

import fr.vigie.VigieException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Storage limitation (GDPR art. 5(1)(e)): each class of data is kept for its own duration, counted from the
 * report's last activity (its last status change: closure, usually), then purged. A report under legal hold is
 * never purged. Purging a class leaves a tombstone with the counts (see {@link Subjects#erase}); the last class,
 * campaign statistics, removes the report itself and links the remaining reports again.
 */
public final class Retention {
    private final Store store;

    Retention(Store store) {
        this.store = store;
    }

    /**
     * How long each class of data is kept after the report's last activity. The defaults are a proposal for the
     * data protection officer to confirm or change (docs/PRIVACY.md), set by {@code VIGIE_RETENTION_IDENTITY},
     * {@code _EVIDENCE}, {@code _ANALYSIS} and {@code _STATISTICS} as ISO-8601 periods ({@code P1Y}, {@code P18M}).
     *
     * @param identity the reporter's identity and contact
     * @param evidence evidence files, their analysis and message text
     * @param analysis the narrative, status notes, and what was derived from the messages
     * @param statistics the anonymous tombstone that counts in campaign statistics
     */
    public record Policy(Period identity, Period evidence, Period analysis, Period statistics) {
        public static final Policy DEFAULTS =
                new Policy(Period.ofYears(1), Period.ofYears(5), Period.ofYears(5), Period.ofYears(10));

        public Policy {
            for (Period p : List.of(identity, evidence, analysis, statistics)) {
                if (p.isNegative() || p.isZero()) {
                    throw new VigieException("a retention period must be positive: " + p);
                }
            }
        }

        /** The defaults, overridden by the {@code VIGIE_RETENTION_*} variables of {@code env} that are set. */
        public static Policy from(Map<String, String> env) {
            return new Policy(
                    period(env, "VIGIE_RETENTION_IDENTITY", DEFAULTS.identity),
                    period(env, "VIGIE_RETENTION_EVIDENCE", DEFAULTS.evidence),
                    period(env, "VIGIE_RETENTION_ANALYSIS", DEFAULTS.analysis),
                    period(env, "VIGIE_RETENTION_STATISTICS", DEFAULTS.statistics));
        }

        private static Period period(Map<String, String> env, String name, Period fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Period.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new VigieException(name + " must be an ISO-8601 period such as P1Y or P18M, not " + value);
            }
        }
    }

    /** What a run purged: reports that lost each class, reports removed, and reports due but under legal hold. */
    public record Outcome(int identities, int evidence, int analyses, int removed, int held) {}

    /** Purges what {@code policy} says is due at {@code now}; the run is an entry of the audit log. */
    public Outcome run(Policy policy, Instant now) {
        Instant identityBefore = before(now, policy.identity());
        Instant evidenceBefore = before(now, policy.evidence());
        Instant analysisBefore = before(now, policy.analysis());
        Instant statisticsBefore = before(now, policy.statistics());
        Instant earliest = Stream.of(identityBefore, evidenceBefore, analysisBefore, statisticsBefore)
                .max(Instant::compareTo)
                .orElseThrow();
        record Due(String id, boolean hold, boolean identity, boolean evidence, boolean analysis, Instant last) {}
        List<Due> due = store.database()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT r.id, r.legal_hold, r.reporter_id IS NOT NULL AS has_identity,
                            EXISTS (SELECT 1 FROM evidence e WHERE e.report_id = r.id) AS has_evidence,
                            (r.narrative <> '' OR EXISTS (SELECT 1 FROM report_identifier i
                                WHERE i.report_id = r.id)) AS has_analysis,
                            (SELECT MAX(s.changed_at) FROM report_status s WHERE s.report_id = r.id) AS last
                        FROM report r WHERE r.received_at < :earliest ORDER BY r.received_at""")
                        .bind("earliest", Store.utc(earliest))
                        .map((rs, ctx) -> new Due(
                                rs.getString("id"),
                                rs.getBoolean("legal_hold"),
                                rs.getBoolean("has_identity"),
                                rs.getBoolean("has_evidence"),
                                rs.getBoolean("has_analysis"),
                                rs.getObject("last", java.time.OffsetDateTime.class)
                                        .toInstant()))
                        .list());
        int identities = 0;
        int evidence = 0;
        int analyses = 0;
        int held = 0;
        List<String> removed = new ArrayList<>();
        for (Due d : due) {
            boolean identityDue = d.identity() && d.last().isBefore(identityBefore);
            boolean evidenceDue = d.evidence() && d.last().isBefore(evidenceBefore);
            boolean analysisDue = d.analysis() && d.last().isBefore(analysisBefore);
            boolean statisticsDue = d.last().isBefore(statisticsBefore);
            if (!(identityDue || evidenceDue || analysisDue || statisticsDue)) {
                continue;
            }
            if (d.hold()) {
                held++;
                continue;
            }
            store.database().jdbi().useTransaction(h -> {
                if (statisticsDue) {
                    Subjects.eraseIdentity(h, d.id());
                    Subjects.eraseEvidence(h, d.id(), "retention", now);
                    h.createUpdate("DELETE FROM report WHERE id = :id")
                            .bind("id", d.id())
                            .execute();
                    return;
                }
                if (identityDue) {
                    Subjects.eraseIdentity(h, d.id());
                    h.createUpdate("UPDATE report SET erased_at = COALESCE(erased_at, :at), version = version + 1 "
                                    + "WHERE id = :id")
                            .bind("at", Store.utc(now))
                            .bind("id", d.id())
                            .execute();
                }
                if (evidenceDue) {
                    Subjects.eraseEvidence(h, d.id(), "retention", now);
                }
                if (analysisDue) {
                    Subjects.eraseAnalysis(h, d.id(), now);
                    h.createUpdate("DELETE FROM report_identifier WHERE report_id = :id")
                            .bind("id", d.id())
                            .execute();
                }
            });
            if (statisticsDue) {
                removed.add(d.id());
            } else {
                identities += identityDue ? 1 : 0;
                evidence += evidenceDue ? 1 : 0;
                analyses += analysisDue ? 1 : 0;
            }
        }
        if (!removed.isEmpty()) {
            store.rebuildLinks(); // the removed reports leave their campaigns
        }
        Outcome outcome = new Outcome(identities, evidence, analyses, removed.size(), held);
        if (identities + evidence + analyses + removed.size() > 0) {
            store.database().compactOnClose();
            store.lookupsChanged();
        }
        store.audit()
                .record(
                        "retention",
                        "retention.run",
                        null,
                        "identity " + identities + ", evidence " + evidence + ", analysis " + analyses + ", removed "
                                + removed.size() + ", held " + held);
        return outcome;
    }

    private static Instant before(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }
}
