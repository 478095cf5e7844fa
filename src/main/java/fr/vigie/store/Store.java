package fr.vigie.store;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.detect.Verdict;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Kind;
import fr.vigie.link.Posting;
import fr.vigie.message.Evidence;
import fr.vigie.report.Channel;
import fr.vigie.report.Contact;
import fr.vigie.report.Indicator;
import fr.vigie.report.Loss;
import fr.vigie.report.NewReport;
import fr.vigie.report.PaymentMethod;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.PreparedReport.Origin;
import fr.vigie.report.PreparedReport.PreparedEvidence;
import fr.vigie.report.PreparedReport.ReportIdentifier;
import fr.vigie.report.Report;
import fr.vigie.report.Report.StatusChange;
import fr.vigie.report.Report.StoredEvidence;
import fr.vigie.report.Report.StoredIdentifier;
import fr.vigie.report.ReportSummary;
import fr.vigie.report.Situation;
import fr.vigie.report.Status;
import fr.vigie.report.Submission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The report store. Every method is safe to call from many threads; each write is one transaction, committed before
 * the method returns.
 */
public final class Store implements AutoCloseable {
    private static final int RETRIES = 3;
    private static final int MAX_IDENTIFIER = 8192;
    /** The width of {@code report.fingerprints} (V13): 124 fingerprints. */
    private static final int MAX_FINGERPRINTS = 4000;

    private final Database db;
    private final Secrets secrets;
    private final Clock clock;
    private final Optional<Path> folder;

    private final Links links;
    private final Accounts accounts;
    private final KeyRing keys;
    private final Protection protection;
    private final Contacts contacts;
    private final Audit audit;
    private final Indicators indicators = new Indicators();

    private Store(
            Database db, Secrets secrets, KeyRing keys, Clock clock, Optional<Path> folder, Protection protection) {
        this.db = db;
        this.secrets = secrets;
        this.keys = keys;
        this.clock = clock;
        this.folder = folder;
        this.protection = protection;
        this.accounts = new Accounts(db.jdbi());
        this.contacts = new Contacts(keys, secrets, protection == Protection.ON);
        this.links = new Links(App.linker(Set.of()), db.jdbi(), h -> {
            List<Map.Entry<String, Integer>> numbered = h.createQuery(
                            "SELECT id, num FROM report WHERE num IS NOT NULL ORDER BY num")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                    .list();
            return new RebuildPages(h, numbered, contacts);
        });
        this.audit = new Audit(db, clock, protection == Protection.ON);
    }

    /**
     * Whether personal data and evidence are sealed and every read of them audited. Always {@code ON}; {@code
     * OFF_FOR_BENCHMARK} exists only so that {@code vigie bench privacy} can measure what protection costs.
     */
    public enum Protection {
        ON,
        OFF_FOR_BENCHMARK
    }

    /** Accounts, API keys, sessions and access events (sign-in, see {@code fr.vigie.access}). */
    public Accounts accounts() {
        return accounts;
    }

    /** Requests of data subjects (find, export, rectify, erase) and legal holds. */
    public Subjects subjects() {
        return new Subjects(this);
    }

    /** The retention job: what is kept how long (docs/PRIVACY.md). */
    public Retention retention() {
        return new Retention(this);
    }

    /**
     * A reporter's contact, read for {@code reason} by {@code actor} (a reveal): audited. Empty when the report is
     * anonymous, erased, or unknown.
     */
    public Optional<Contact> contact(String reportId, String actor, String reason) {
        Optional<Contact> contact = db.jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT reporter_id FROM report WHERE id = :id AND reporter_id IS NOT NULL")
                                .bind("id", reportId)
                                .mapTo(String.class)
                                .findOne()
                                .flatMap(reporter -> contacts.read(h, reporter)));
        audit.record(actor, "contact.read", reportId, reason);
        return contact;
    }

    /**
     * Re-wraps every data key under the current master key, and seals the rows written before encryption; returns
     * how many rows were changed. Batches of their own transactions: stopped part way, it is run again and goes on
     * (each row names the key that wraps it, and the old key stays loaded until this is done).
     */
    public long rewrapKeys() {
        return new Rotation(this).run();
    }

    /**
     * The first step of {@code vigie keys rotate}, before the store is opened: with key files, a new master key
     * becomes current and the old one is kept as {@code keys/master.key.old}. Returns whether the keys are files
     * (with {@code VIGIE_MASTER_KEY}, the operator sets the new key and {@code VIGIE_MASTER_KEY_PREVIOUS} instead).
     */
    public static boolean beginKeyRotation(Path dataDir) {
        String env = System.getenv(KeyRing.ENV);
        if (env != null && !env.isBlank()) {
            return false;
        }
        KeyRing.beginRotation(dataDir);
        return true;
    }

    /** The last step of a rotation on key files: the old key is deleted (call once no row needs it). */
    public static void endKeyRotation(Path dataDir) {
        KeyRing.endRotation(dataDir);
    }

    /** How many rows still need a master key other than the current one (0 once a rotation is done). */
    public long rowsUnderOtherKeys() {
        return new Rotation(this).pending();
    }

    /** The audit log: every read of personal data or evidence, every request of a data subject, every reveal. */
    public Audit audit() {
        return audit;
    }

    /**
     * The campaign of a report: its id ({@code C-} and the number of its earliest report) and how many reports it
     * holds. Every report is in one, alone until something links it.
     */
    public Optional<Campaign> campaignOf(String reportId) {
        return db.jdbi().withHandle(h -> arrival(h, reportId)).flatMap(this::campaign);
    }

    /** A campaign as a report sees it. */
    public record Campaign(String id, int size) {}

    /** A report's campaign, and how many of the campaign's reports arrived in the priority window (itself included). */
    public record Placement(Campaign campaign, int recent) {}

    /**
     * The campaign of a report and how many of its reports arrived at or after {@code since}, for the analysts'
     * priority: the report's arrival number is read once, the window's first arrival is remembered (see {@link
     * #firstArrivalSince}), and only the arrivals since are counted — never the whole campaign.
     */
    public Optional<Placement> placement(String reportId, Instant since) {
        return db.jdbi().withHandle(h -> arrival(h, reportId).flatMap(num -> placement(h, num, since)));
    }

    private Optional<Placement> placement(Handle h, int num, Instant since) {
        Optional<Campaign> campaign = campaign(num);
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        int recent = firstArrivalSince(h, since)
                .map(first -> recentMembers(campaign.get().id(), num, first))
                .orElse(0);
        return Optional.of(new Placement(campaign.get(), recent));
    }

    /** A campaign's members numbered {@code first} or later, counted while the campaigns were at {@code linking}. */
    private record Recent(int first, long linking, int count) {}

    /** Recent members by campaign id, for the priority of every read: counting scans every arrival since. */
    private final java.util.concurrent.ConcurrentHashMap<String, Recent> recent =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Goes up after each write that may have numbered or linked reports: the counts made before are forgotten. */
    private final java.util.concurrent.atomic.AtomicLong linking = new java.util.concurrent.atomic.AtomicLong();

    private int recentMembers(String campaign, int num, int first) {
        long now = linking.get(); // read before counting: a count made across a write is not kept past it
        Recent known = recent.get(campaign);
        if (known != null && known.first() == first && known.linking() == now) {
            return known.count();
        }
        int count = links.membersFrom(num, first);
        if (recent.size() > 100_000) {
            recent.clear(); // bounded: counts are cheap to make again
        }
        recent.put(campaign, new Recent(first, now, count));
        return count;
    }

    /**
     * How many reports of {@code reportId}'s campaign arrived at or after {@code since} (itself included): how fast
     * the campaign grows, for the analysts' priority.
     */
    public int recentInCampaign(String reportId, Instant since) {
        return placement(reportId, since).map(Placement::recent).orElse(0);
    }

    private Optional<Integer> arrival(Handle h, String reportId) {
        return h.createQuery("SELECT num FROM report WHERE id = :id")
                .bind("id", reportId)
                .mapTo(Integer.class)
                .findOne();
    }

    private Optional<Campaign> campaign(int num) {
        return links.campaignOf(num).map(c -> new Campaign("C-" + c[0], c[1]));
    }

    /**
     * The first arrival at or after a time, as found under a numbering: later arrivals only add later numbers, so
     * it stays true while the numbering does.
     */
    private record FirstArrival(Instant since, int num, long numbering) {}

    private volatile FirstArrival firstArrival;
    /** Goes up each time arrival numbers may have been given again; a first arrival found before is then forgotten. */
    private final java.util.concurrent.atomic.AtomicLong numbering = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The arrival number of the first report received at or after {@code since}. Found through the received_at
     * index once per window start and then remembered: reports arriving later get later numbers, so the first
     * arrival since a given time never changes — until arrival numbers are given again ({@link #rebuildLinks}, or
     * a failed write that reloads them), which forgets it.
     */
    private Optional<Integer> firstArrivalSince(Handle h, Instant since) {
        long current = numbering.get();
        FirstArrival known = firstArrival;
        if (known != null && known.since().equals(since) && known.numbering() == current) {
            return Optional.of(known.num());
        }
        Optional<Integer> first = h.createQuery("SELECT num FROM report WHERE received_at >= :since "
                        + "AND num IS NOT NULL ORDER BY received_at, num LIMIT 1")
                .bind("since", since.atOffset(ZoneOffset.UTC))
                .mapTo(Integer.class)
                .findOne();
        // nothing since is not remembered: the next report will be the first
        first.ifPresent(num -> firstArrival = new FirstArrival(since, num, current));
        return first;
    }

    /**
     * A campaign's figures: its reports (newest first, as many as asked), how many in all, victims (an anonymous
     * report counts as one), minors, losses by currency, first and last seen, countries, schemes, its most shared
     * identifiers with their counts, and reports per day.
     */
    public record CampaignFigures(
            String id,
            int reportCount,
            long victims,
            long minors,
            Map<String, java.math.BigDecimal> losses,
            Instant firstSeen,
            Instant lastSeen,
            List<String> countries,
            Map<String, Long> schemes,
            List<Map.Entry<StoredIdentifier, Long>> topIdentifiers,
            Map<LocalDate, Long> timeline,
            List<String> reports) {}

    /**
     * The campaigns of at least two reports, sorted by {@code size}, {@code recent} (last report first) or
     * {@code losses} (total declared, all currencies added), at most {@code limit}.
     */
    public List<CampaignFigures> campaigns(String sort, int limit, int maxReports) {
        // Sorted on what is known without reading the reports (size, newest arrival number, losses in one grouped
        // query), then figures read for the page only: a list page costs the same with 10 or 100,000 campaigns.
        Map<Integer, List<Integer>> members = links.campaigns(2);
        java.util.Comparator<Integer> order = switch (sort) {
            case "recent" ->
                java.util.Comparator.comparing((Integer c) -> members.get(c).getLast())
                        .reversed();
            case "losses" -> {
                Map<Integer, java.math.BigDecimal> losses = lossesByCampaign();
                yield java.util.Comparator.comparing((Integer c) -> losses.getOrDefault(c, java.math.BigDecimal.ZERO))
                        .reversed();
            }
            default ->
                java.util.Comparator.comparing((Integer c) -> members.get(c).size())
                        .reversed();
        };
        return members.keySet().stream()
                .sorted(order.thenComparing(c -> c))
                .limit(limit)
                .map(c -> figures(c, members.get(c), maxReports))
                .toList();
    }

    /** Total declared losses (all currencies added) per campaign, in one grouped query. */
    private Map<Integer, java.math.BigDecimal> lossesByCampaign() {
        Map<Integer, java.math.BigDecimal> byCampaign = new HashMap<>();
        db.jdbi()
                .useHandle(h -> h.createQuery("SELECT r.num, SUM(l.amount) FROM loss l JOIN report r ON r.id ="
                                + " l.report_id WHERE r.num IS NOT NULL GROUP BY r.num")
                        .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getBigDecimal(2)))
                        .forEach(e -> links.campaignOf(e.getKey())
                                .ifPresent(c -> byCampaign.merge(c[0], e.getValue(), java.math.BigDecimal::add))));
        return byCampaign;
    }

    /**
     * Reads what linking keeps in memory (the postings of every stored report) ahead of the first report, so that
     * report is not the one that waits for it (about 0.2 ms a stored report). Safe to call at any time.
     */
    public void warmLinks() {
        links.lock().lock();
        try {
            links.warm(db.jdbi());
        } finally {
            links.lock().unlock();
        }
    }

    /**
     * Links every report again from scratch, in arrival order (after a change of warning lists or thresholds);
     * returns how many reports were linked. One transaction: readers see the old campaigns until it commits.
     */
    public int rebuildLinks() {
        links.lock().lock();
        try {
            int linked = db.jdbi().inTransaction(h -> {
                List<Map.Entry<String, Integer>> ids = h.createQuery(
                                "SELECT id, num FROM report ORDER BY num, received_at, id")
                        .map((rs, ctx) -> new java.util.AbstractMap.SimpleImmutableEntry<>(
                                rs.getString(1), (Integer) rs.getObject(2, Integer.class)))
                        .collect(java.util.stream.Collectors.toList());
                links.rebuild(h, new RebuildPages(h, ids, contacts));
                return ids.size();
            });
            links.committed();
            return linked;
        } catch (RuntimeException e) {
            links.rolledBack(db.jdbi());
            throw e;
        } finally {
            numbering.incrementAndGet(); // arrival numbers were given again
            linking.incrementAndGet();
            indicators.changedAll(); // look-ups keep arrival numbers
            links.lock().unlock();
        }
    }

    /**
     * The reports as linking reads them again, in arrival order, read a page at a time (four queries per page of
     * {@link #PAGE} reports, not four per report), so a rebuild's memory holds one page.
     */
    private static final class RebuildPages implements java.util.Iterator<Links.Stored> {
        private static final int PAGE = 2_000;
        private static final fr.vigie.identifier.Identifiers PARSER = new fr.vigie.identifier.Identifiers();

        private final Handle h;
        private final List<? extends Map.Entry<String, Integer>> ids;
        private final Contacts contacts;
        private int nextPage;
        private java.util.Iterator<Links.Stored> page = java.util.Collections.emptyIterator();

        /** {@code ids}: the reports in arrival order, each with its number (null when it has none yet). */
        RebuildPages(Handle h, List<? extends Map.Entry<String, Integer>> ids, Contacts contacts) {
            this.h = h;
            this.ids = ids;
            this.contacts = contacts;
        }

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && nextPage < ids.size()) {
                List<? extends Map.Entry<String, Integer>> chunk =
                        ids.subList(nextPage, Math.min(ids.size(), nextPage + PAGE));
                nextPage += chunk.size();
                page = read(chunk).iterator();
            }
            return page.hasNext();
        }

        @Override
        public Links.Stored next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return page.next();
        }

        private List<Links.Stored> read(List<? extends Map.Entry<String, Integer>> numbered) {
            List<String> chunk = numbered.stream().map(Map.Entry::getKey).toList();
            // A page of numbered reports is every report numbered from its first to its last (they are read in
            // number order): selected by that range of the number's index, not by a list of 2,000 ids, which
            // PostgreSQL read by scanning the whole identifier table (half a second a page at 100,000 reports).
            boolean range = numbered.stream().allMatch(e -> e.getValue() != null);
            java.util.function.Function<String, org.jdbi.v3.core.statement.Query> select = where -> range
                    ? h.createQuery(where.replace("<page>", "r.num BETWEEN :lo AND :hi"))
                            .bind("lo", numbered.getFirst().getValue())
                            .bind("hi", numbered.getLast().getValue())
                    : h.createQuery(where.replace("<page>", "r.id IN (<ids>)")).bindList("ids", chunk);
            Map<String, List<Identifier>> identifiers = new HashMap<>();
            select.apply("SELECT ri.report_id, ri.kind, ri.normalized FROM report r"
                            + " JOIN report_identifier ri ON ri.report_id = r.id WHERE <page>")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(row -> PARSER.stored(Kind.fromId(row[1]), row[2])
                            .ifPresent(i -> identifiers
                                    .computeIfAbsent(row[0], k -> new ArrayList<>())
                                    .add(i)));
            Map<String, List<fr.vigie.link.Fingerprint>> templates = new HashMap<>();
            Map<String, Set<String>> own = new HashMap<>();
            List<String[]> rows = select.apply(
                            "SELECT r.id, r.fingerprints, r.reporter_id, r.country FROM report r WHERE <page>")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                    .list();
            // the contacts are sealed: opened here, a page at a time
            Map<String, Contact> reporters = contacts.readAll(
                    h,
                    rows.stream()
                            .map(row -> row[2])
                            .filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet()));
            List<String> unprinted = new ArrayList<>();
            for (String[] row : rows) {
                Optional<List<fr.vigie.link.Fingerprint>> stored = fr.vigie.link.Fingerprint.decode(row[1]);
                if (stored.isPresent()) {
                    templates.put(row[0], stored.get());
                } else {
                    unprinted.add(row[0]); // stored before V13, or by another version of the algorithm
                }
                Set<String> mine = own.computeIfAbsent(row[0], k -> new HashSet<>());
                if (row[2] != null) {
                    Optional.ofNullable(reporters.get(row[2])).ifPresent(c -> {
                        c.email().ifPresent(e -> mine.add(e.strip().toLowerCase(java.util.Locale.ROOT)));
                        c.phone()
                                .flatMap(p -> fr.vigie.identifier.Phone.parse(p, row[3].strip()))
                                .ifPresent(p -> mine.add(p.normalized()));
                    });
                }
            }
            if (!unprinted.isEmpty()) {
                Map<String, List<String>> texts = new HashMap<>();
                h.createQuery("SELECT id, narrative FROM report WHERE id IN (<ids>)")
                        .bindList("ids", unprinted)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> {
                            if (!e.getValue().isBlank()) {
                                texts.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                        .add(e.getValue());
                            }
                        });
                h.createQuery("SELECT report_id, derived_text FROM evidence WHERE report_id IN (<ids>) "
                                + "AND derived_text IS NOT NULL ORDER BY report_id, seq")
                        .bindList("ids", unprinted)
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> texts.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                .add(e.getValue()));
                unprinted.forEach(
                        id -> templates.put(id, fr.vigie.link.Linker.fingerprints(texts.getOrDefault(id, List.of()))));
            }
            List<Links.Stored> stored = new ArrayList<>(chunk.size());
            for (Map.Entry<String, Integer> report : numbered) {
                String id = report.getKey();
                stored.add(new Links.Stored(
                        id,
                        report.getValue(),
                        identifiers.getOrDefault(id, List.of()),
                        templates.getOrDefault(id, List.of()),
                        own.getOrDefault(id, Set.of())));
            }
            return stored;
        }
    }

    /**
     * Which of {@code reports} carry which of {@code identifiers}: the edges of a campaign's graph (the console's;
     * {@link #campaignPage} gives the API's from the rows it reads anyway).
     */
    public List<Map.Entry<String, StoredIdentifier>> carriers(
            List<String> reports, List<StoredIdentifier> identifiers) {
        if (reports.isEmpty() || identifiers.isEmpty()) {
            return List.of();
        }
        List<String> hashes =
                identifiers.stream().map(i -> valueHash(i.kind(), i.value())).toList();
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT report_id, kind, normalized FROM report_identifier "
                                + "WHERE report_id IN (<ids>) AND value_hash IN (<hashes>) ORDER BY report_id")
                        .bindList("ids", reports)
                        .bindList("hashes", hashes)
                        .map((rs, ctx) -> Map.entry(
                                rs.getString(1),
                                new StoredIdentifier(Kind.fromId(rs.getString(2)), rs.getString(3), Origin.FOUND)))
                        .list());
    }

    /** One campaign by its id ({@code C-} and a number), if it names one. */
    public Optional<CampaignFigures> campaign(String id, int maxReports) {
        return campaignPage(id, maxReports).map(CampaignPage::figures);
    }

    /**
     * A campaign's figures and the edges of its graph: which of its listed reports carry which of its most shared
     * identifiers, each edge once, by report.
     */
    public record CampaignPage(CampaignFigures figures, List<Map.Entry<String, StoredIdentifier>> edges) {}

    /**
     * One campaign by its id with the edges of its graph, if it names one. The edges come from the identifier rows
     * read for the figures, not from a second query over every listed report.
     */
    public Optional<CampaignPage> campaignPage(String id, int maxReports) {
        if (!id.matches("C-\\d{1,9}")) {
            return Optional.empty();
        }
        int num = Integer.parseInt(id.substring(2));
        List<Integer> members = links.members(num);
        return members.isEmpty() ? Optional.empty() : Optional.of(page(num, members, maxReports));
    }

    private CampaignFigures figures(int campaign, List<Integer> members, int maxReports) {
        return page(campaign, members, maxReports).figures();
    }

    /**
     * Members read per query of a campaign's page, bound as one array ({@code = ANY}): a list of 5,000 parameters
     * is parsed and planned again by PostgreSQL at every page; an array is one parameter.
     */
    private static final int PAGE_MEMBERS = 5_000;

    private CampaignPage page(int campaign, List<Integer> members, int maxReports) {
        return db.jdbi().withHandle(h -> {
            record Row(String id, Instant at, String reporter, boolean minor, String country, String schemes) {}
            // Two queries per page of members, each selecting by arrival number (the campaign's own key): the
            // reports with their losses (a report appears once per loss), and the identifiers they carry.
            List<Row> rows = new ArrayList<>();
            Map<String, java.math.BigDecimal> losses = new java.util.TreeMap<>();
            Map<StoredIdentifier, Long> identifiers = new HashMap<>();
            List<Map.Entry<String, StoredIdentifier>> carried = new ArrayList<>();
            for (int from = 0; from < members.size(); from += PAGE_MEMBERS) {
                List<Integer> chunk = members.subList(from, Math.min(members.size(), from + PAGE_MEMBERS));
                h.createQuery("SELECT r.id, r.received_at, r.reporter_id, r.minor, r.country, r.schemes, l.currency,"
                                + " l.amount FROM report r LEFT JOIN loss l ON l.report_id = r.id"
                                + " WHERE r.num = ANY(:nums) ORDER BY r.num")
                        .bindArray("nums", Integer.class, chunk.toArray())
                        .scanResultSet((supplier, ctx) -> {
                            ResultSet rs = supplier.get();
                            String last = null;
                            while (rs.next()) {
                                String id = rs.getString(1);
                                if (!id.equals(last)) {
                                    rows.add(new Row(
                                            id,
                                            instant(rs, "received_at"),
                                            rs.getString(3),
                                            rs.getBoolean(4),
                                            rs.getString(5).strip(),
                                            rs.getString(6)));
                                    last = id;
                                }
                                String currency = rs.getString(7);
                                if (currency != null) {
                                    losses.merge(currency.strip(), rs.getBigDecimal(8), java.math.BigDecimal::add);
                                }
                            }
                            return null;
                        });
                // by value, whatever its origin: who declared it does not change what links
                h.createQuery("SELECT ri.report_id, ri.kind, ri.normalized FROM report r"
                                + " JOIN report_identifier ri ON ri.report_id = r.id WHERE r.num = ANY(:nums)")
                        .bindArray("nums", Integer.class, chunk.toArray())
                        .map((rs, ctx) -> Map.entry(
                                rs.getString(1),
                                new StoredIdentifier(Kind.fromId(rs.getString(2)), rs.getString(3), Origin.FOUND)))
                        .forEach(e -> {
                            carried.add(e);
                            identifiers.merge(e.getValue(), 1L, Long::sum);
                        });
            }
            rows.sort(java.util.Comparator.comparing(Row::at).reversed().thenComparing(Row::id));
            List<String> ids = rows.stream().map(Row::id).toList();
            Map<String, Long> schemes = new java.util.TreeMap<>();
            Map<LocalDate, Long> timeline = new java.util.TreeMap<>();
            java.util.Set<String> victims = new HashSet<>();
            for (Row r : rows) {
                if (r.schemes() != null && !r.schemes().isEmpty()) {
                    schemes.merge(r.schemes().split(",")[0], 1L, Long::sum);
                }
                timeline.merge(LocalDate.ofInstant(r.at(), ZoneOffset.UTC), 1L, Long::sum);
                victims.add(r.reporter() == null ? r.id() : r.reporter());
            }
            // sorted first, so that whether a value may link (a parse) is asked only until 20 are found
            List<Map.Entry<StoredIdentifier, Long>> top = identifiers.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .sorted(Map.Entry.<StoredIdentifier, Long>comparingByValue().reversed())
                    .filter(e -> links.canLink(e.getKey()))
                    .limit(20)
                    .toList();
            List<String> listed = ids.subList(0, Math.min(ids.size(), maxReports));
            Set<String> shown = new HashSet<>(listed);
            Set<StoredIdentifier> shared = new HashSet<>();
            top.forEach(e -> shared.add(e.getKey()));
            List<Map.Entry<String, StoredIdentifier>> edges = carried.stream()
                    .filter(e -> shown.contains(e.getKey()) && shared.contains(e.getValue()))
                    .distinct()
                    .sorted(Map.Entry.<String, StoredIdentifier>comparingByKey()
                            .thenComparing(e -> e.getValue().kind().id())
                            .thenComparing(e -> e.getValue().value()))
                    .toList();
            return new CampaignPage(
                    new CampaignFigures(
                            "C-" + campaign,
                            rows.size(),
                            victims.size(),
                            rows.stream().filter(Row::minor).count(),
                            losses,
                            rows.get(rows.size() - 1).at(),
                            rows.get(0).at(),
                            rows.stream().map(Row::country).distinct().sorted().toList(),
                            schemes,
                            top,
                            timeline,
                            listed),
                    edges);
        });
    }

    /** The store {@code config} names: PostgreSQL when it has a JDBC URL, else H2 embedded in its data folder. */
    public static Store open(Config config) {
        return open(config, Clock.systemUTC());
    }

    public static Store open(Config config, Clock clock) {
        return open(config, clock, Protection.ON);
    }

    public static Store open(Config config, Clock clock, Protection protection) {
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new VigieException("the data folder " + dir + " cannot be created", e);
        }
        Secrets secrets = Secrets.in(dir);
        KeyRing keys = KeyRing.load(dir);
        Database db = config.jdbcUrl().map(Database::postgres).orElseGet(() -> Database.embedded(dir));
        return new Store(
                db,
                secrets,
                keys,
                clock,
                config.jdbcUrl().isPresent() ? Optional.empty() : Optional.of(dir),
                protection);
    }

    /** Which database this is: {@code h2} or {@code postgresql}. */
    public String vendor() {
        return db.vendor().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a report with this submission key is stored (an import run again skips what it stored before). */
    public boolean submitted(String submissionKey) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT 1 FROM report WHERE submission_key = :key")
                        .bind("key", submissionKey)
                        .mapTo(Integer.class)
                        .findOne()
                        .isPresent());
    }

    /**
     * Which of {@code keys} are submission keys of stored reports: {@link #submitted} for many keys in one query (an
     * import asks for its messages a few dozen at a time instead of one query per message).
     */
    public Set<String> submittedAmong(java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT submission_key FROM report WHERE submission_key IN (<keys>)")
                        .bindList("keys", List.copyOf(keys))
                        .mapTo(String.class)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    /** Stores one report, or finds it if the same submission was stored before. */
    public Submission submit(PreparedReport report) {
        return submitAll(List.of(report)).get(0);
    }

    /**
     * Stores a batch of reports in one transaction (bulk import): all are kept, or none. A submission already
     * stored, in this batch or before, gives the first one's id and token.
     */
    public List<Submission> submitAll(List<PreparedReport> batch) {
        return submitStaged(batch.stream().map(this::stage).toList());
    }

    /**
     * A report with the store's own work on it done ahead: its follow-up token, its posting for linking (message
     * fingerprints) and its evidence sealed. {@link #stage} may run on any thread, outside the write lock; an import
     * stages on its analysis threads, so that its one writer only writes.
     */
    public static final class Staged {
        private final PreparedReport report;
        private final String token;
        private final Posting posting;
        /** Sealed evidence bytes by SHA-256 (none when protection is off); unused for a blob stored already. */
        private final Map<String, KeyRing.Sealed> sealed;

        private Staged(PreparedReport report, String token, Posting posting, Map<String, KeyRing.Sealed> sealed) {
            this.report = report;
            this.token = token;
            this.posting = posting;
            this.sealed = sealed;
        }

        public PreparedReport report() {
            return report;
        }
    }

    /** Does the store's work on a report that needs no lock nor database (thread-safe); see {@link Staged}. */
    public Staged stage(PreparedReport p) {
        Map<String, KeyRing.Sealed> sealed = new HashMap<>();
        if (protection == Protection.ON) {
            for (PreparedEvidence e : p.evidence()) {
                sealed.computeIfAbsent(e.sha256(), sha -> keys.seal(e.file().bytes(), "evidence:" + sha));
            }
        }
        return new Staged(p, secrets.token(p.submissionKey()), links.unnumbered(p), sealed);
    }

    /** {@link #submitAll} of reports staged ahead. */
    public List<Submission> submitStaged(List<Staged> batch) {
        List<PreparedReport> reports = batch.stream().map(Staged::report).toList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int attempt = 1; ; attempt++) {
            try {
                List<Submission> stored;
                // Reports are numbered and linked in arrival order: one writer at a time.
                links.lock().lock();
                try {
                    stored = db.jdbi().inTransaction(h -> insertAll(h, batch, now));
                    indicators.changed(valueHashes(reports)); // committed: look-ups of these values read again
                    links.committed();
                } catch (RuntimeException e) {
                    links.rolledBack(db.jdbi()); // the union-find may hold what the rollback took back
                    numbering.incrementAndGet();
                    throw e;
                } finally {
                    linking.incrementAndGet();
                    links.lock().unlock();
                }
                db.awaitWrites(); // the caller acknowledges these reports: they must be in the file first
                return stored;
            } catch (JdbiException e) {
                // Two identical submissions at once: the second loses the race on a unique key; its retry finds
                // the first one's report.
                if (attempt >= RETRIES || !isUniqueViolation(e)) {
                    throw new VigieException("the report could not be stored", e);
                }
            }
        }
    }

    private List<Submission> insertAll(Handle h, List<Staged> batch, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<String, String> known = new HashMap<>();
        List<String> keys =
                batch.stream().map(s -> s.report().submissionKey()).distinct().toList();
        if (!keys.isEmpty()) {
            h.createQuery("SELECT submission_key, id FROM report WHERE submission_key IN (<keys>)")
                    .bindList("keys", keys)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .forEach(e -> known.put(e.getKey(), e.getValue()));
        }
        Set<String> blobs = new HashSet<>();
        List<String> shas = batch.stream()
                .flatMap(s -> s.report().evidence().stream())
                .map(PreparedEvidence::sha256)
                .distinct()
                .toList();
        if (!shas.isEmpty()) {
            h.createQuery("SELECT sha256 FROM evidence_blob WHERE sha256 IN (<shas>)")
                    .bindList("shas", shas)
                    .mapTo(String.class)
                    .forEach(blobs::add);
        }
        Rows rows = new Rows(h);
        List<Submission> out = new ArrayList<>();
        List<Map.Entry<Integer, Posting>> fresh = new ArrayList<>();
        Iterator<String> ids = freeIds(
                        h,
                        (int) keys.stream().filter(k -> !known.containsKey(k)).count(),
                        now)
                .iterator();
        for (Staged staged : batch) {
            PreparedReport p = staged.report();
            String token = staged.token;
            String existing = known.get(p.submissionKey());
            if (existing != null) {
                out.add(new Submission(existing, token, true));
                continue;
            }
            String id = ids.next();
            known.put(p.submissionKey(), id);
            int num = links.number(h);
            rows.add(id, num, token, staged, at, blobs);
            fresh.add(Map.entry(num, staged.posting));
            out.add(new Submission(id, token, false));
        }
        rows.execute();
        links.postAll(h, fresh);
        return out;
    }

    /** The fingerprints of a report's texts as the report row keeps them; null when they do not fit the column. */
    private static String storedFingerprints(Posting posting) {
        String stored = fr.vigie.link.Fingerprint.encode(posting.templates());
        return stored.length() <= MAX_FINGERPRINTS ? stored : null;
    }

    /** The rows of a batch of reports, written table by table in a few JDBC batches (an import writes thousands). */
    private final class Rows {
        final PreparedBatch reporters;
        final PreparedBatch reports;
        final PreparedBatch statuses;
        final PreparedBatch losses;
        final PreparedBatch identifiers;
        final PreparedBatch blobs;
        final PreparedBatch evidence;
        final PreparedBatch custody;

        Rows(Handle h) {
            reporters = h.prepareBatch(Contacts.INSERT);
            reports = h.prepareBatch("""
                    INSERT INTO report (id, submission_key, token_hash, reporter_id, reporter_pseudonym,
                        received_at, source, minor, country, lang, channel, narrative, first_contact,
                        last_contact, status, verdict, score, schemes, num, fingerprints, version)
                    VALUES (:id, :key, :token, :reporter, :pseudonym, :at, :source, :minor, :country, :lang,
                        :channel, :narrative, :first, :last, :status, :verdict, :score, :schemes, :num,
                        :fingerprints, :version)""");
            statuses = h.prepareBatch("INSERT INTO report_status (report_id, seq, status, changed_at, actor, note) "
                    + "VALUES (:id, 0, :status, :at, :actor, :note)");
            losses = h.prepareBatch("INSERT INTO loss (report_id, seq, amount, currency, method, paid_on) "
                    + "VALUES (:id, :seq, :amount, :currency, :method, :paid)");
            identifiers =
                    h.prepareBatch("INSERT INTO report_identifier (report_id, value_hash, value_key, kind, normalized,"
                            + " origin) VALUES (:id, :hash, :key, :kind, :value, :origin)");
            blobs = h.prepareBatch("INSERT INTO evidence_blob (sha256, size, bytes, stored_at, wrapped_key, master_id) "
                    + "VALUES (:sha, :size, :bytes, :at, :wrapped, :master)");
            evidence = h.prepareBatch("""
                    INSERT INTO evidence (report_id, seq, sha256, filename, media_type, received_at, refusal,
                        verdict, analysis, derived_text)
                    VALUES (:id, :seq, :sha, :name, :type, :at, :refusal, :verdict, :analysis, :text)""");
            custody = h.prepareBatch("INSERT INTO custody (sha256, report_id, at, action, actor, channel, size) "
                    + "VALUES (:sha, :id, :at, :action, :actor, :channel, :size)");
        }

        void add(String id, int num, String token, Staged staged, OffsetDateTime at, Set<String> storedBlobs) {
            PreparedReport p = staged.report();
            NewReport r = p.report();
            String reporterId = null;
            String pseudonym = null;
            if (r.reporter().isPresent()) {
                Contact c = r.reporter().get();
                reporterId = Secrets.randomId("C-", 16);
                pseudonym = secrets.pseudonym(reporterId);
                contacts.bind(reporters, reporterId, c, r.situation().country(), at);
                reporters.add();
            }
            reports.bind("id", id)
                    .bind("key", p.submissionKey())
                    .bind("token", sha256(token))
                    .bind("reporter", reporterId)
                    .bind("pseudonym", pseudonym)
                    .bind("at", at)
                    .bind("source", r.source())
                    .bind("minor", r.situation().minor())
                    .bind("country", r.situation().country())
                    .bind("lang", r.situation().lang().id())
                    .bind("channel", r.channel().id())
                    .bind("narrative", r.narrative())
                    .bind("first", r.firstContact().orElse(null))
                    .bind("last", r.lastContact().orElse(null))
                    .bind("status", Status.NEW.id())
                    .bind("verdict", p.verdict().map(Verdict::id).orElse(null))
                    .bind("score", p.score())
                    .bind("schemes", String.join(",", p.schemes()))
                    .bind("num", num)
                    .bind("fingerprints", storedFingerprints(staged.posting))
                    .bind(
                            "version",
                            java.util.concurrent.ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2))
                    .add();
            statuses.bind("id", id)
                    .bind("status", Status.NEW.id())
                    .bind("at", at)
                    .bind("actor", r.source())
                    .bind("note", "received")
                    .add();
            for (int i = 0; i < r.losses().size(); i++) {
                Loss loss = r.losses().get(i);
                losses.bind("id", id)
                        .bind("seq", i)
                        .bind("amount", loss.amount())
                        .bind("currency", loss.currency())
                        .bind("method", loss.method().id())
                        .bind("paid", loss.paidOn().orElse(null))
                        .add();
            }
            for (ReportIdentifier ri : p.identifiers()) {
                if (ri.identifier().normalized().length() > MAX_IDENTIFIER) {
                    continue; // no real identifier is this long; the evidence keeps it all the same
                }
                String hash = valueHash(ri.identifier().kind(), ri.identifier().normalized());
                identifiers
                        .bind("id", id)
                        .bind("hash", hash)
                        .bind("key", ValueKeys.of(hash))
                        .bind("kind", ri.identifier().kind().id())
                        .bind("value", ri.identifier().normalized())
                        .bind("origin", ri.origin().id())
                        .add();
            }
            for (int seq = 0; seq < p.evidence().size(); seq++) {
                PreparedEvidence e = p.evidence().get(seq);
                if (storedBlobs.add(e.sha256())) {
                    blobs.bind("sha", e.sha256())
                            .bind("size", (long) e.file().bytes().length)
                            .bind("at", at);
                    if (protection == Protection.ON) {
                        KeyRing.Sealed sealed = staged.sealed.get(e.sha256());
                        blobs.bind("bytes", sealed.ciphertext())
                                .bind("wrapped", sealed.wrappedKey())
                                .bind("master", sealed.masterId());
                    } else {
                        blobs.bind("bytes", e.file().bytes())
                                .bind("wrapped", (byte[]) null)
                                .bind("master", (String) null);
                    }
                    blobs.add();
                }
                evidence.bind("id", id)
                        .bind("seq", seq)
                        .bind("sha", e.sha256())
                        .bind("name", clip(e.file().filename(), 255))
                        .bind("type", clip(e.file().mediaType(), 255))
                        .bind("at", at)
                        .bind("refusal", e.refusal().orElse(null))
                        .bind("verdict", e.analysis().map(a -> a.verdict().id()).orElse(null))
                        .bind("analysis", e.analysisJson().orElse(null))
                        .bind("text", e.message().map(m -> m.fullText()).orElse(null))
                        .add();
                custody.bind("sha", e.sha256())
                        .bind("id", id)
                        .bind("at", at)
                        .bind("action", "received")
                        .bind("actor", clip(r.source(), 80))
                        .bind("channel", r.channel().id())
                        .bind("size", (long) e.file().bytes().length)
                        .add();
            }
        }

        /** Parents before children, for the foreign keys. */
        void execute() {
            for (PreparedBatch batch :
                    List.of(reporters, reports, statuses, losses, identifiers, blobs, evidence, custody)) {
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
        }
    }

    private static void custody(
            Handle h,
            String sha,
            String reportId,
            OffsetDateTime at,
            String action,
            String actor,
            String channel,
            long size) {
        h.createUpdate("INSERT INTO custody (sha256, report_id, at, action, actor, channel, size) "
                        + "VALUES (:sha, :id, :at, :action, :actor, :channel, :size)")
                .bind("sha", sha)
                .bind("id", reportId)
                .bind("at", at)
                .bind("action", action)
                .bind("actor", clip(actor, 80))
                .bind("channel", channel)
                .bind("size", size)
                .execute();
    }

    /**
     * A stored report, without the reporter's identity, read by {@code actor}: the read is audited (the narrative
     * and losses are the victim's personal data).
     */
    public Optional<Report> report(String id, String actor) {
        return reportAudited(id, actor).map(read -> {
            read.receipt().await();
            return read.value();
        });
    }

    /**
     * A stored report read by {@code actor}, its audit entry on its way: the caller may prepare its answer
     * meanwhile, and shows the report only after {@code receipt().await()} (the wait then overlaps the work).
     */
    public Optional<Audit.Audited<Report>> reportAudited(String id, String actor) {
        // queued as soon as the report is known to exist: its commit can start (or take other readers' entries)
        // while the rest of the report is read
        return db.jdbi()
                .withHandle(h -> reportRow(h, id).map(row -> {
                    Audit.Receipt receipt = audit.append(actor, "report.read", id, null);
                    return new Audit.Audited<>(row.complete(h), receipt);
                }));
    }

    /**
     * An audited read of a report: its version, the report unless the caller's copy is of that version already, and
     * its campaign with the arrivals of the priority window (see {@link #placement}).
     *
     * @param report empty when the report is unchanged since the version the caller knows
     */
    public record Read(long version, Optional<Report> report, Optional<Placement> placement) {}

    /**
     * A report read by {@code actor} for showing, its audit entry on its way (as {@link #reportAudited}), with its
     * placement since {@code since}. When {@code known} is the report's version, whatever process changed it last,
     * its rows are not read again: one query instead of six, and the caller shows the copy it made at that version.
     */
    public Optional<Audit.Audited<Read>> readAudited(String id, String actor, Instant since, OptionalLong known) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT version, num FROM report WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getObject(2) == null ? -1 : rs.getInt(2)})
                        .findOne()
                        .flatMap(stamp -> {
                            // queued as soon as the report is known to exist: its commit can start (or take other
                            // readers' entries) while the rest of the report is read
                            Audit.Receipt receipt = audit.append(actor, "report.read", id, null);
                            boolean unchanged = known.isPresent() && known.getAsLong() == stamp[0];
                            // read after the version: the rows are of that version or newer, never older
                            Optional<Report> report = unchanged ? Optional.empty() : rows(h, id);
                            if (!unchanged && report.isEmpty()) {
                                return Optional.empty(); // removed meanwhile
                            }
                            Optional<Placement> placement =
                                    stamp[1] < 0 ? Optional.empty() : placement(h, (int) stamp[1], since);
                            return Optional.of(new Audit.Audited<>(new Read(stamp[0], report, placement), receipt));
                        }));
    }

    /**
     * Marks a change to what a read of report {@code id} shows (in the change's transaction): the answers kept of
     * it are made again.
     */
    static void changed(Handle h, String id) {
        h.createUpdate("UPDATE report SET version = version + 1 WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    /** A stored report, without the reporter's identity (not audited: for the store's own use and tests). */
    public Optional<Report> report(String id) {
        // No transaction around the reads: at READ COMMITTED it would add two round trips and no consistency.
        return db.jdbi().withHandle(h -> reportRow(h, id).map(row -> row.complete(h)));
    }

    private static Optional<ReportRow> reportRow(Handle h, String id) {
        return h.createQuery("SELECT * FROM report WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> reportRow(rs))
                .findOne();
    }

    private static Optional<Report> rows(Handle h, String id) {
        return reportRow(h, id).map(row -> row.complete(h));
    }

    /** Whether {@code token} is the follow-up token of report {@code id} (compared in constant time). */
    public boolean tokenOpens(String id, String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return false;
        }
        Optional<String> stored = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT token_hash FROM report WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne());
        return stored.isPresent()
                && MessageDigest.isEqual(
                        stored.get().getBytes(StandardCharsets.US_ASCII),
                        sha256(token).getBytes(StandardCharsets.US_ASCII));
    }

    /** Evidence bytes read back, checked against their address; the access joins the chain of custody. */
    public Optional<EvidenceContent> evidence(String reportId, int seq, String actor) {
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        Optional<EvidenceContent> content = db.jdbi().inTransaction(h -> {
            Optional<StoredEvidence> meta = h.createQuery(EVIDENCE + " WHERE e.report_id = :id AND e.seq = :seq")
                    .bind("id", reportId)
                    .bind("seq", seq)
                    .map((rs, ctx) -> evidenceRow(rs))
                    .findOne();
            if (meta.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = blob(h, meta.get().sha256());
            custody(h, meta.get().sha256(), reportId, at, "read", actor, null, bytes.length);
            return Optional.of(new EvidenceContent(meta.get(), bytes));
        });
        content.ifPresent(c -> audit.record(actor, "evidence.read", reportId + "/" + seq, null));
        return content;
    }

    /** The original bytes of a stored blob, opened if sealed, and checked against their address. */
    byte[] blob(Handle h, String sha) {
        byte[] bytes = h.createQuery("SELECT bytes, wrapped_key, master_id FROM evidence_blob WHERE sha256 = :sha")
                .bind("sha", sha)
                .map((rs, ctx) -> {
                    String master = rs.getString(3);
                    return master == null
                            ? rs.getBytes(1)
                            : keys.open(new KeyRing.Sealed(rs.getBytes(1), rs.getBytes(2), master), "evidence:" + sha);
                })
                .one();
        if (!Evidence.sha256(bytes).equals(sha)) {
            throw new VigieException("evidence " + sha + " does not match its hash");
        }
        return bytes;
    }

    /** Evidence bytes with what the store knows of them. */
    public record EvidenceContent(StoredEvidence meta, byte[] bytes) {}

    /** One event in the life of an evidence item. */
    public record CustodyEvent(
            String sha256,
            Optional<String> reportId,
            Instant at,
            String action,
            String actor,
            Optional<String> channel) {}

    /** The chain of custody of the bytes with this SHA-256, oldest first. */
    public List<CustodyEvent> custody(String sha256) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT * FROM custody WHERE sha256 = :sha ORDER BY id")
                        .bind("sha", sha256)
                        .map((rs, ctx) -> new CustodyEvent(
                                rs.getString("sha256"),
                                Optional.ofNullable(rs.getString("report_id")),
                                instant(rs, "at"),
                                rs.getString("action"),
                                rs.getString("actor"),
                                Optional.ofNullable(rs.getString("channel"))))
                        .list());
    }

    /** Moves a report to another status, with who did it and why; false if there is no such report. */
    public boolean changeStatus(String id, Status status, String actor, String note) {
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        boolean changed = db.jdbi().inTransaction(h -> {
            int updated = h.createUpdate("UPDATE report SET status = :s, version = version + 1 WHERE id = :id")
                    .bind("s", status.id())
                    .bind("id", id)
                    .execute();
            if (updated == 0) {
                return false;
            }
            int seq = h.createQuery("SELECT COALESCE(MAX(seq), -1) + 1 FROM report_status WHERE report_id = :id")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one();
            h.createUpdate("INSERT INTO report_status (report_id, seq, status, changed_at, actor, note) "
                            + "VALUES (:id, :seq, :s, :at, :actor, :note)")
                    .bind("id", id)
                    .bind("seq", seq)
                    .bind("s", status.id())
                    .bind("at", at)
                    .bind("actor", clip(actor, 80))
                    .bind("note", note == null ? null : clip(note, 2000))
                    .execute();
            return true;
        });
        db.awaitWrites(); // the analyst is told the status changed: it must be in the file
        return changed;
    }

    /**
     * Reports matching the filters, newest first.
     *
     * @param ids when present, only these reports (the result of a full-text search)
     */
    public List<ReportSummary> list(ReportFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM report WHERE 1 = 1");
        filter.scheme().ifPresent(s -> sql.append(" AND (',' || schemes || ',') LIKE :scheme"));
        filter.from().ifPresent(f -> sql.append(" AND received_at >= :from"));
        filter.to().ifPresent(t -> sql.append(" AND received_at < :to"));
        filter.status().ifPresent(s -> sql.append(" AND status = :status"));
        filter.ids().ifPresent(ids -> sql.append(ids.isEmpty() ? " AND 1 = 0" : " AND id IN (<ids>)"));
        sql.append(" ORDER BY received_at DESC, id LIMIT :limit OFFSET :offset");
        return db.jdbi().withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            filter.scheme().ifPresent(s -> q.bind("scheme", "%," + s + ",%"));
            filter.from().ifPresent(f -> q.bind("from", OffsetDateTime.ofInstant(f, ZoneOffset.UTC)));
            filter.to().ifPresent(t -> q.bind("to", OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
            filter.status().ifPresent(s -> q.bind("status", s.id()));
            filter.ids().filter(ids -> !ids.isEmpty()).ifPresent(ids -> q.bindList("ids", ids));
            q.bind("limit", filter.limit()).bind("offset", filter.offset());
            return q.map((rs, ctx) -> {
                        ReportRow row = reportRow(rs);
                        return new ReportSummary(
                                row.id,
                                row.receivedAt,
                                row.status,
                                row.channel,
                                row.situation.minor(),
                                row.situation.country(),
                                row.verdict,
                                row.score,
                                row.schemes);
                    })
                    .list();
        });
    }

    /** What full-text search indexes of a report: its narrative and the text of its messages. */
    public record Indexable(String id, Lang lang, String narrative, List<String> texts) {}

    /** Every report's searchable text, in id order, streamed (for a rebuild of the search index). */
    public void forEachIndexable(Consumer<Indexable> sink) {
        db.jdbi().useHandle(h -> {
            try (var rows = h
                    .createQuery("SELECT id, lang, narrative FROM report ORDER BY id")
                    .setFetchSize(500)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .stream()) {
                rows.forEach(row -> sink.accept(indexable(row[0], row[1], row[2])));
            }
        });
    }

    /** What {@link #indexable(String)} will give for a report just stored, without reading it back. */
    public static Indexable indexable(String id, PreparedReport p) {
        List<String> texts = p.evidence().stream()
                .flatMap(e -> e.message().stream())
                .map(m -> m.fullText())
                .toList();
        return new Indexable(id, p.report().situation().lang(), p.report().narrative(), texts);
    }

    /** The searchable text of one report. */
    public Optional<Indexable> indexable(String id) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT id, lang, narrative FROM report WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        .findOne())
                .map(row -> indexable(row[0], row[1], row[2]));
    }

    private Indexable indexable(String id, String lang, String narrative) {
        List<String> texts = db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT derived_text FROM evidence WHERE report_id = :id AND derived_text IS NOT NULL ORDER BY seq")
                        .bind("id", id)
                        .mapTo(String.class)
                        .list());
        return new Indexable(id, Lang.fromId(lang).orElse(Lang.FR), narrative, texts);
    }

    /**
     * What the store knows of one identifier: the reports that carry it (newest first, at most {@code max}), how many
     * in all, how many distinct victims (an anonymous report counts as one), first and last seen, the declared losses
     * by currency, and the victims' countries. One index look-up on {@code report_identifier}, never a table of pairs.
     */
    public Indicator indicator(Identifier identifier, int max) {
        String hash = valueHash(identifier.kind(), identifier.normalized());
        Indicators.Found found = indicators.lookUp(hash, max, most -> readIndicator(hash, most));
        return new Indicator(
                identifier,
                found.reportCount(),
                found.victims(),
                found.firstSeen(),
                found.lastSeen(),
                found.losses(),
                found.countries(),
                found.newest().subList(0, Math.min(max, found.newest().size())),
                links.campaignIds(found.arrivals(), max));
    }

    /**
     * A number that moves on after every change of what {@link #indicator} answers for any value, its campaigns
     * included (in this process: see {@link Indicators}). Read it before a look-up: what the look-up answered holds
     * while the number stays.
     */
    public long lookupsVersion() {
        return indicators.version();
    }

    private Indicators.Found readIndicator(String hash, int max) {
        // One query, one round trip, whatever the identifier's popularity: its carriers' rows with their losses (a
        // carrier appears once per loss, usually once), aggregated here. No transaction: one statement reads one
        // snapshot, and BEGIN and COMMIT were two more round trips to PostgreSQL on every look-up.
        record Carrier(String id, String victim, Instant at, String country, Integer num) {}
        Map<String, Carrier> carriers = new java.util.LinkedHashMap<>();
        Map<String, java.math.BigDecimal> losses = new java.util.TreeMap<>();
        db.jdbi()
                .useHandle(h -> h.createQuery("""
                        SELECT r.id, COALESCE(r.reporter_id, r.id) AS victim, r.received_at, r.country, r.num,
                               l.currency, l.amount
                        FROM report_identifier ri JOIN report r ON r.id = ri.report_id
                        LEFT JOIN loss l ON l.report_id = r.id
                        WHERE ri.value_key = :key AND ri.value_hash = :hash""")
                        .bind("key", ValueKeys.of(hash))
                        .bind("hash", hash)
                        .scanResultSet((supplier, ctx) -> {
                            ResultSet rs = supplier.get();
                            while (rs.next()) {
                                String id = rs.getString(1);
                                if (!carriers.containsKey(id)) {
                                    carriers.put(
                                            id,
                                            new Carrier(
                                                    id,
                                                    rs.getString(2),
                                                    instant(rs, "received_at"),
                                                    rs.getString(4).strip(),
                                                    (Integer) rs.getObject(5, Integer.class)));
                                }
                                String currency = rs.getString(6);
                                if (currency != null) {
                                    losses.merge(currency.strip(), rs.getBigDecimal(7), java.math.BigDecimal::add);
                                }
                            }
                            return null;
                        }));
        List<Carrier> all = List.copyOf(carriers.values());
        return new Indicators.Found(
                all.size(),
                all.stream().map(Carrier::victim).distinct().count(),
                all.stream().map(Carrier::at).min(java.util.Comparator.naturalOrder()),
                all.stream().map(Carrier::at).max(java.util.Comparator.naturalOrder()),
                losses,
                all.stream().map(Carrier::country).distinct().sorted().toList(),
                all.stream()
                        .sorted(java.util.Comparator.comparing(Carrier::at)
                                .reversed()
                                .thenComparing(Carrier::id))
                        .limit(max)
                        .map(Carrier::id)
                        .toList(),
                all.stream()
                        .map(Carrier::num)
                        .filter(java.util.Objects::nonNull)
                        .mapToInt(Integer::intValue)
                        .sorted()
                        .toArray());
    }

    /** How many distinct evidence files the store holds (one per SHA-256). */
    long blobCount() {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM evidence_blob")
                        .mapTo(Long.class)
                        .one());
    }

    /**
     * The rows of the report and cross-referencing tables, by table: how the index grows with the reports (one row
     * per report and identifier, never one per pair).
     */
    public Map<String, Long> rowCounts() {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        db.jdbi().useHandle(h -> {
            for (String table : List.of("report", "report_identifier", "campaign_edge")) {
                rows.put(
                        table,
                        h.createQuery("SELECT COUNT(*) FROM " + table)
                                .mapTo(Long.class)
                                .one());
            }
        });
        return rows;
    }

    /** How many reports the store holds. */
    public long count() {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report")
                        .mapTo(Long.class)
                        .one());
    }

    /** The bytes the store takes on disk (the embedded store's folder; the database's size on PostgreSQL). */
    public long sizeOnDisk() {
        if (folder.isPresent()) {
            try (var files = Files.walk(folder.get())) {
                return files.filter(Files::isRegularFile)
                        .mapToLong(p -> p.toFile().length())
                        .sum();
            } catch (IOException e) {
                return -1;
            }
        }
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT pg_database_size(current_database())")
                        .mapTo(Long.class)
                        .one());
    }

    @Override
    public void close() {
        audit.close(); // an entry nobody waited for (an answer that failed after its read) is written before the end
        db.close();
    }

    // ---- for the privacy parts of this package (Subjects, Retention, Rotation)

    Database database() {
        return db;
    }

    Contacts contacts() {
        return contacts;
    }

    KeyRing keys() {
        return keys;
    }

    Secrets secrets() {
        return secrets;
    }

    Clock clock() {
        return clock;
    }

    boolean sealing() {
        return protection == Protection.ON;
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    // ---- rows

    /** A report row before its child rows are read. */
    private record ReportRow(
            String id,
            Instant receivedAt,
            String source,
            Situation situation,
            Channel channel,
            String narrative,
            Optional<LocalDate> first,
            Optional<LocalDate> last,
            Status status,
            Optional<Verdict> verdict,
            int score,
            List<String> schemes,
            Optional<String> pseudonym) {

        Report complete(Handle h) {
            List<Loss> losses = h.createQuery("SELECT * FROM loss WHERE report_id = :id ORDER BY seq")
                    .bind("id", id)
                    .map((rs, ctx) -> lossRow(rs))
                    .list();
            List<StatusChange> history = h.createQuery("SELECT * FROM report_status WHERE report_id = :id ORDER BY seq")
                    .bind("id", id)
                    .map((rs, ctx) -> statusRow(rs))
                    .list();
            // Never derived_text here: it is the search index's, and as large as the message.
            List<StoredEvidence> sized = h.createQuery(EVIDENCE + " WHERE e.report_id = :id ORDER BY e.seq")
                    .bind("id", id)
                    .map((rs, ctx) -> evidenceRow(rs))
                    .list();
            List<StoredIdentifier> identifiers = h.createQuery(
                            "SELECT kind, normalized, origin FROM report_identifier WHERE report_id = :id ORDER BY kind, normalized")
                    .bind("id", id)
                    .map((rs, ctx) -> identifierRow(rs))
                    .list();
            return with(losses, history, sized, identifiers);
        }

        Report with(
                List<Loss> losses,
                List<StatusChange> history,
                List<StoredEvidence> evidence,
                List<StoredIdentifier> identifiers) {
            return new Report(
                    id,
                    receivedAt,
                    source,
                    situation,
                    channel,
                    narrative,
                    first,
                    last,
                    losses,
                    status,
                    history,
                    evidence,
                    identifiers,
                    verdict,
                    score,
                    schemes,
                    pseudonym);
        }
    }

    /**
     * Stored reports by id, in the order asked (ids that name no report are left out), read as one page: five
     * queries for the whole page instead of five per report (a campaign dossier reads thousands).
     */
    public List<Report> reports(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.jdbi().withHandle(h -> {
            Map<String, ReportRow> rows = new HashMap<>();
            h.createQuery("SELECT * FROM report WHERE id IN (<ids>)")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> reportRow(rs))
                    .forEach(row -> rows.put(row.id(), row));
            Map<String, List<Loss>> losses = new HashMap<>();
            h.createQuery("SELECT * FROM loss WHERE report_id IN (<ids>) ORDER BY report_id, seq")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString("report_id"), lossRow(rs)))
                    .forEach(e -> losses.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            Map<String, List<StatusChange>> history = new HashMap<>();
            h.createQuery("SELECT * FROM report_status WHERE report_id IN (<ids>) ORDER BY report_id, seq")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString("report_id"), statusRow(rs)))
                    .forEach(e -> history.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            Map<String, List<StoredEvidence>> evidence = new HashMap<>();
            h.createQuery(EVIDENCE.replace("SELECT e.seq", "SELECT e.report_id, e.seq")
                            + " WHERE e.report_id IN (<ids>) ORDER BY e.report_id, e.seq")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString("report_id"), evidenceRow(rs)))
                    .forEach(e -> evidence.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            Map<String, List<StoredIdentifier>> identifiers = new HashMap<>();
            h.createQuery("SELECT report_id, kind, normalized, origin FROM report_identifier "
                            + "WHERE report_id IN (<ids>) ORDER BY report_id, kind, normalized")
                    .bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString("report_id"), identifierRow(rs)))
                    .forEach(e -> identifiers
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            return ids.stream()
                    .filter(rows::containsKey)
                    .map(id -> rows.get(id)
                            .with(
                                    losses.getOrDefault(id, List.of()),
                                    history.getOrDefault(id, List.of()),
                                    evidence.getOrDefault(id, List.of()),
                                    identifiers.getOrDefault(id, List.of())))
                    .toList();
        });
    }

    private static Loss lossRow(ResultSet rs) throws SQLException {
        return new Loss(
                rs.getBigDecimal("amount"),
                rs.getString("currency").strip(),
                PaymentMethod.fromId(rs.getString("method")).orElse(PaymentMethod.OTHER),
                Optional.ofNullable(rs.getObject("paid_on", LocalDate.class)));
    }

    private static StatusChange statusRow(ResultSet rs) throws SQLException {
        return new StatusChange(
                Status.fromId(rs.getString("status")).orElseThrow(),
                instant(rs, "changed_at"),
                rs.getString("actor"),
                rs.getString("note"));
    }

    private static StoredIdentifier identifierRow(ResultSet rs) throws SQLException {
        return new StoredIdentifier(
                Kind.fromId(rs.getString("kind")),
                rs.getString("normalized"),
                "declared".equals(rs.getString("origin")) ? Origin.DECLARED : Origin.FOUND);
    }

    private static ReportRow reportRow(ResultSet rs) throws SQLException {
        String schemes = rs.getString("schemes");
        return new ReportRow(
                rs.getString("id"),
                instant(rs, "received_at"),
                rs.getString("source"),
                new Situation(
                        rs.getBoolean("minor"),
                        rs.getString("country").strip(),
                        Lang.fromId(rs.getString("lang")).orElse(Lang.FR)),
                Channel.fromId(rs.getString("channel")).orElse(Channel.OTHER),
                rs.getString("narrative"),
                Optional.ofNullable(rs.getObject("first_contact", LocalDate.class)),
                Optional.ofNullable(rs.getObject("last_contact", LocalDate.class)),
                Status.fromId(rs.getString("status")).orElse(Status.NEW),
                verdict(rs.getString("verdict")),
                rs.getInt("score"),
                schemes == null || schemes.isEmpty() ? List.of() : Arrays.asList(schemes.split(",")),
                Optional.ofNullable(rs.getString("reporter_pseudonym")));
    }

    private static final String EVIDENCE = """
            SELECT e.seq, e.sha256, b.size, e.filename, e.media_type, e.received_at, e.refusal, e.verdict, e.analysis
            FROM evidence e JOIN evidence_blob b ON b.sha256 = e.sha256""";

    private static StoredEvidence evidenceRow(ResultSet rs) throws SQLException {
        return new StoredEvidence(
                rs.getInt("seq"),
                rs.getString("sha256"),
                rs.getLong("size"),
                rs.getString("filename"),
                rs.getString("media_type"),
                instant(rs, "received_at"),
                Optional.ofNullable(rs.getString("refusal")),
                verdict(rs.getString("verdict")),
                Optional.ofNullable(rs.getString("analysis")));
    }

    private static Optional<Verdict> verdict(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Verdict v : Verdict.values()) {
            if (v.id().equals(id)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code count} new report ids, distinct and not yet stored. Every id of a second shares its first half, so at
     * thousands of reports a second (a bulk import) a random draw repeats one now and then: such a draw is replaced
     * here instead of failing the whole batch on the primary key.
     */
    private static Set<String> freeIds(Handle h, int count, Instant now) {
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < count) {
            Set<String> drawn = new HashSet<>();
            while (drawn.size() < count - ids.size()) {
                String id = reportId(now);
                if (!ids.contains(id)) {
                    drawn.add(id);
                }
            }
            Set<String> taken = new HashSet<>(h.createQuery("SELECT id FROM report WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(drawn))
                    .mapTo(String.class)
                    .list());
            drawn.stream().filter(id -> !taken.contains(id)).forEach(ids::add);
        }
        return ids;
    }

    /**
     * A new report id: the second it was received, then random bits ({@code VG-} and 14 upper-case hex digits).
     * Ids that grow with time are written at the end of the indexes instead of all over them, which keeps the
     * embedded store's writes (and file) small; the random part keeps them unguessable in practice, and they open
     * nothing without the follow-up token anyway. A clash is avoided by {@link #freeIds}; one with another process
     * writing at the same moment is a unique-key violation, and the batch is retried.
     */
    private static String reportId(Instant now) {
        return ("VG-" + String.format("%08x", now.getEpochSecond()) + Secrets.randomId("", 3))
                .toUpperCase(java.util.Locale.ROOT);
    }

    /** The key an identifier is looked up by: SHA-256 of {@code kind:normalized}. */
    private static Set<String> valueHashes(List<PreparedReport> batch) {
        Set<String> hashes = new HashSet<>();
        for (PreparedReport p : batch) {
            for (ReportIdentifier ri : p.identifiers()) {
                hashes.add(valueHash(ri.identifier().kind(), ri.identifier().normalized()));
            }
        }
        return hashes;
    }

    /**
     * What identifier look-ups show changed other than by a new report (an erasure, the retention job): they read
     * the store again. Call after the commit.
     */
    void lookupsChanged() {
        indicators.changedAll();
    }

    static String valueHash(Kind kind, String normalized) {
        return sha256(kind.id() + ':' + normalized);
    }

    static String sha256(String text) {
        return Evidence.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
