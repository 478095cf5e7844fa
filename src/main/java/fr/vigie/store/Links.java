package fr.vigie.store;

import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Identifiers;
import fr.vigie.link.Campaigns;
import fr.vigie.link.Fingerprint;
import fr.vigie.link.Linked;
import fr.vigie.link.Linker;
import fr.vigie.link.MemoryPostings;
import fr.vigie.link.Posting;
import fr.vigie.link.Postings;
import fr.vigie.report.Contact;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Report;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Cross-referencing at the store (docs/LINKING.md): each new report gets the next arrival number, is posted under its
 * keys and template bands in the same transaction as its rows, is linked through the postings (one index look-up
 * per key), and the edges found join campaigns. The edges are the truth, kept in {@code campaign_edge}; the
 * union-find is their index in memory, rebuilt from them at start (and after a failed transaction). One writer at a
 * time: the store takes {@link #lock()} around each write that links.
 */
final class Links {
    private static final Identifiers PARSER = new Identifiers();

    private final Linker linker;
    private final ReentrantLock lock = new ReentrantLock();
    private Campaigns campaigns;
    private int next;

    Links(Linker linker, Jdbi jdbi) {
        this.linker = linker;
        reload(jdbi);
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Reads the numbers and edges again (at start, and after a transaction that failed half-way). */
    void reload(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            int[] numbers = h
                    .createQuery("SELECT num FROM report WHERE num IS NOT NULL ORDER BY num")
                    .mapTo(Integer.class)
                    .list()
                    .stream()
                    .mapToInt(Integer::intValue)
                    .toArray();
            List<Campaigns.Edge> edges = h.createQuery("SELECT a, b FROM campaign_edge")
                    .map((rs, ctx) -> new Campaigns.Edge(rs.getInt(1), rs.getInt(2)))
                    .list();
            campaigns = Campaigns.rebuild(numbers, edges);
            next = numbers.length == 0 ? 0 : numbers[numbers.length - 1] + 1;
        });
    }

    /** Numbers, posts and links a report being inserted on {@code h}; returns its number. */
    int post(Handle h, String id, PreparedReport p) {
        List<Identifier> identifiers = p.identifiers().stream()
                .map(PreparedReport.ReportIdentifier::identifier)
                .toList();
        List<String> texts = new ArrayList<>();
        if (!p.report().narrative().isBlank()) {
            texts.add(p.report().narrative());
        }
        p.evidence().forEach(e -> e.message().ifPresent(m -> texts.add(m.fullText())));
        return post(h, id, identifiers, texts, victimOwn(p));
    }

    /**
     * Forgets every posting, edge and number, then posts and links every report again in arrival order (after a
     * change of warning lists or thresholds). The caller holds the lock and the transaction.
     *
     * <p>One pass: the postings being rebuilt are mirrored in memory ({@link MemoryPostings}), so linking a report
     * reads no index, and rows are written in large batches. The linker sees exactly what it saw when the reports
     * arrived one by one (the same counts, the same earliest reports), so the campaigns are the same.
     */
    void rebuild(Handle h, Iterator<Stored> reports) {
        h.execute("DELETE FROM campaign_edge");
        h.execute("DELETE FROM template_posting");
        h.execute("DELETE FROM posting");
        h.execute("UPDATE report SET num = NULL");
        campaigns = new Campaigns();
        next = 0;
        MemoryPostings memory = new MemoryPostings();
        Rows rows = new Rows(h);
        while (reports.hasNext()) {
            Stored r = reports.next();
            Posting posting = rows.post(r.id(), r.identifiers(), r.texts(), r.victimOwn());
            memory.post(posting);
            rows.link(posting, memory);
            if (rows.pending() >= REBUILD_BATCH) {
                rows.flush();
            }
        }
        rows.flush();
    }

    private static final int REBUILD_BATCH = 20_000;

    /** A stored report as linking reads it again. */
    record Stored(String id, List<Identifier> identifiers, List<String> texts, Set<String> victimOwn) {}

    private int post(Handle h, String id, List<Identifier> identifiers, List<String> texts, Set<String> victimOwn) {
        Rows rows = new Rows(h);
        Posting posting = rows.post(id, identifiers, texts, victimOwn);
        rows.flush(); // the postings must be in the table before linking reads them
        rows.link(posting, new SqlPostings(h, next));
        rows.flush();
        return posting.report();
    }

    /** The rows of numbering, posting and linking reports, written in batches on one handle. */
    private final class Rows {
        private final Handle h;
        private PreparedBatch numbers;
        private PreparedBatch keys;
        private PreparedBatch bands;
        private PreparedBatch edges;

        Rows(Handle h) {
            this.h = h;
            prepare();
        }

        private void prepare() {
            numbers = h.prepareBatch("UPDATE report SET num = :num WHERE id = :id");
            keys = h.prepareBatch("INSERT INTO posting (key_hash, num) VALUES (:key, :num)");
            bands = h.prepareBatch("INSERT INTO template_posting (band_key, num, bits) VALUES (:band, :num, :bits)");
            edges = h.prepareBatch("INSERT INTO campaign_edge (a, b) VALUES (:a, :b)");
        }

        /** Numbers a report and queues its posting rows. */
        Posting post(String id, List<Identifier> identifiers, List<String> texts, Set<String> victimOwn) {
            int num = next++;
            numbers.bind("num", num).bind("id", id).add();
            Posting posting = linker.post(num, identifiers, victimOwn, texts);
            Set<String> seen = new HashSet<>();
            for (Identifier key : posting.keys()) {
                String hash = Store.valueHash(key.kind(), key.normalized());
                if (seen.add(hash)) {
                    keys.bind("key", hash).bind("num", num).add();
                }
            }
            Set<Integer> bandSeen = new HashSet<>();
            for (Fingerprint f : posting.templates()) {
                for (int band : f.bandKeys()) {
                    if (bandSeen.add(band)) {
                        bands.bind("band", band)
                                .bind("num", num)
                                .bind("bits", f.bits())
                                .add();
                    }
                }
            }
            campaigns.add(num);
            return posting;
        }

        /** Links a posted report and queues the edges that joined two campaigns. */
        void link(Posting posting, Postings postings) {
            Linked linked = linker.link(posting, postings);
            Set<Campaigns.Edge> kept = new HashSet<>();
            for (Campaigns.Edge edge : linked.edges()) {
                Campaigns.Edge ordered = new Campaigns.Edge(Math.min(edge.a(), edge.b()), Math.max(edge.a(), edge.b()));
                // Only the edges that joined two campaigns are kept: a spanning forest has the same campaigns (and
                // so the same ids) as all the edges, in fewer rows than reports.
                if (ordered.a() != ordered.b()
                        && kept.add(ordered)
                        && campaigns.link(ordered.a(), ordered.b()).isPresent()) {
                    edges.bind("a", ordered.a()).bind("b", ordered.b()).add();
                }
            }
        }

        int pending() {
            return numbers.size() + keys.size() + bands.size() + edges.size();
        }

        void flush() {
            for (PreparedBatch batch : List.of(numbers, keys, bands, edges)) {
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
            prepare(); // fresh batches: nothing executed twice
        }
    }

    /**
     * Whether a stored identifier may link reports at all: a value on a never-link list (gmail.com, a payment
     * platform, a private IP…) is no evidence, so it is not shown among a campaign's shared identifiers.
     */
    boolean canLink(Report.StoredIdentifier id) {
        return PARSER.parseAny(id.value())
                .filter(parsed -> parsed.kind() == id.kind())
                .map(parsed -> linker.policy().neverReason(parsed, Set.of()).isEmpty())
                .orElse(false);
    }

    /** The campaign a numbered report belongs to, and its size. */
    Optional<int[]> campaignOf(int num) {
        lock.lock();
        try {
            return campaigns.contains(num)
                    ? Optional.of(new int[] {campaigns.campaignOf(num), campaigns.sizeOf(num)})
                    : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The campaigns of these reports ({@code C-} and a number), each once, in the order of their reports' arrival
     * numbers (given sorted), at most {@code max}; numbers the union-find does not know are passed over.
     */
    List<String> campaignIds(int[] sortedNums, int max) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        lock.lock();
        try {
            for (int i = 0; i < sortedNums.length && ids.size() < max; i++) {
                if (campaigns.contains(sortedNums[i])) {
                    ids.add("C-" + campaigns.campaignOf(sortedNums[i]));
                }
            }
        } finally {
            lock.unlock();
        }
        return List.copyOf(ids);
    }

    /** How many reports numbered {@code from} or later share report {@code num}'s campaign. */
    int membersFrom(int num, int from) {
        lock.lock();
        try {
            if (!campaigns.contains(num)) {
                return 0;
            }
            int campaign = campaigns.campaignOf(num);
            int count = 0;
            for (int n = Math.max(0, from); n < next; n++) {
                if (campaigns.contains(n) && campaigns.campaignOf(n) == campaign) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The members of one campaign, by its id (the number of its earliest report), in arrival order; empty when the
     * number names no campaign (or one retired by a merge). Its members are all numbered from its id on, and the
     * scan stops at the last of them: one campaign is read without grouping every report into campaigns.
     */
    List<Integer> members(int campaign) {
        lock.lock();
        try {
            if (!campaigns.contains(campaign) || campaigns.campaignOf(campaign) != campaign) {
                return List.of();
            }
            int size = campaigns.sizeOf(campaign);
            List<Integer> members = new ArrayList<>(size);
            for (int n = campaign; n < next && members.size() < size; n++) {
                if (campaigns.contains(n) && campaigns.campaignOf(n) == campaign) {
                    members.add(n);
                }
            }
            return members;
        } finally {
            lock.unlock();
        }
    }

    /** The members of every campaign of at least {@code minSize} reports, by campaign id (its earliest report). */
    java.util.Map<Integer, List<Integer>> campaigns(int minSize) {
        lock.lock();
        try {
            java.util.Map<Integer, List<Integer>> members = new java.util.HashMap<>();
            for (int num = 0; num < next; num++) {
                if (campaigns.contains(num) && campaigns.sizeOf(num) >= minSize) {
                    members.computeIfAbsent(campaigns.campaignOf(num), k -> new ArrayList<>())
                            .add(num);
                }
            }
            return members;
        } finally {
            lock.unlock();
        }
    }

    /** The reporter's own addresses and phone: never keys (product.md: the victim's identifiers never link). */
    private static Set<String> victimOwn(PreparedReport p) {
        Set<String> own = new HashSet<>();
        p.report().reporter().ifPresent((Contact c) -> {
            c.email().ifPresent(e -> own.add(e.strip().toLowerCase(Locale.ROOT)));
            c.phone()
                    .ifPresent(phone -> fr.vigie.identifier.Phone.parse(
                                    phone, p.report().situation().country())
                            .ifPresent(ph -> own.add(ph.normalized())));
        });
        p.evidence().forEach(e -> e.message().ifPresent(m -> own.addAll(m.recipients())));
        return own;
    }

    /** The postings as the linker reads them: each call one index look-up on this transaction's handle. */
    private record SqlPostings(Handle h, int total) implements Postings {
        @Override
        public long totalReports() {
            return total;
        }

        @Override
        public long count(Identifier key) {
            return h.createQuery("SELECT COUNT(*) FROM posting WHERE key_hash = :key")
                    .bind("key", Store.valueHash(key.kind(), key.normalized()))
                    .mapTo(Long.class)
                    .one();
        }

        @Override
        public List<Integer> reports(Identifier key, int limit) {
            return h.createQuery("SELECT num FROM posting WHERE key_hash = :key ORDER BY num LIMIT :limit")
                    .bind("key", Store.valueHash(key.kind(), key.normalized()))
                    .bind("limit", limit)
                    .mapTo(Integer.class)
                    .list();
        }

        @Override
        public List<Posted> templates(int bandKey, int limit) {
            return h.createQuery(
                            "SELECT num, bits FROM template_posting WHERE band_key = :band ORDER BY num LIMIT :limit")
                    .bind("band", bandKey)
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Posted(rs.getInt(1), new Fingerprint(rs.getLong(2))))
                    .list();
        }
    }
}
