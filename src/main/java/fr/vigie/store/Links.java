package fr.vigie.store;

import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Identifiers;
import fr.vigie.link.CampaignForest;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Cross-referencing at the store (docs/LINKING.md): each new report gets the next arrival number, is posted under its
 * keys and template bands, is linked through the postings, and the edges found join campaigns, in the same
 * transaction as its rows. The edges are the truth, kept in {@code campaign_edge}; the union-find is their index in
 * memory, rebuilt from them at start (and after a failed transaction).
 *
 * <p>The postings live in memory only ({@link MemoryPostings}: a count and the earliest reports per key): linking a
 * report reads no index and writes no posting row. They are derived from the stored reports, so they are rebuilt
 * from them, in arrival order, before the first write after a start or a failed transaction. One writer at a time:
 * the store takes {@link #lock()} around each write that links; reads of campaigns share a read lock.
 */
final class Links {
    private static final Identifiers PARSER = new Identifiers();
    private static final int REBUILD_BATCH = 20_000;

    private final Linker linker;
    private final StoredReports stored;
    /** Writers (numbering, linking, rebuilding) exclusive; campaign reads shared, so look-ups do not queue. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private CampaignForest forest;
    private int next;
    /** The postings of every numbered report; null until the first write (reading them all takes a while). */
    private MemoryPostings postings;
    /** Whether the numbers, campaigns or postings in memory changed since the last commit. */
    private boolean changed;

    /** The reports already numbered, in number order, as linking reads them again. */
    interface StoredReports {
        Iterator<Stored> numbered(Handle h);
    }

    Links(Linker linker, Jdbi jdbi, StoredReports stored) {
        this.linker = linker;
        this.stored = stored;
        reload(jdbi);
    }

    /** The writers' lock: held around each write that links. */
    Lock lock() {
        return lock.writeLock();
    }

    /**
     * A transaction that wrote through this class failed: what it changed in memory goes. Nothing to do when it
     * failed before linking (a report id drawn twice, say), so a retry does not read every report again.
     */
    void rolledBack(Jdbi jdbi) {
        if (changed) {
            reload(jdbi);
        }
    }

    /** The transaction that wrote through this class committed: its changes in memory are the stored ones. */
    void committed() {
        changed = false;
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
            List<CampaignForest.Kept> edges = h.createQuery("SELECT a, b, via FROM campaign_edge")
                    .map((rs, ctx) -> new CampaignForest.Kept(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
                    .list();
            forest = CampaignForest.of(numbers, edges);
            next = numbers.length == 0 ? 0 : numbers[numbers.length - 1] + 1;
            postings = null; // they may hold what a rollback took back
            changed = false;
        });
    }

    /**
     * The next arrival number, for a report about to be inserted on {@code h} (the caller holds the lock): the
     * postings are read first, before any report of this transaction has a number.
     */
    int number(Handle h) {
        postings(h);
        changed = true;
        return next++;
    }

    /**
     * What a report is posted under, before it has a number (its number is -1): the linker's keys and message
     * fingerprints, the costly part of posting, computed outside the lock and on any thread (an import's analysis
     * threads). Pure: it reads nothing but the report.
     */
    Posting unnumbered(PreparedReport p) {
        List<Identifier> identifiers = p.identifiers().stream()
                .map(PreparedReport.ReportIdentifier::identifier)
                .toList();
        List<String> texts = new ArrayList<>();
        if (!p.report().narrative().isBlank()) {
            texts.add(p.report().narrative());
        }
        p.evidence().forEach(e -> e.message().ifPresent(m -> texts.add(m.fullText())));
        return linker.post(-1, identifiers, victimOwn(p), texts);
    }

    /**
     * Posts and links reports just inserted on {@code h} with their {@link #number}s and {@link #unnumbered}
     * postings, in that order: one pass in memory, then the edges in one JDBC batch.
     */
    void postAll(Handle h, List<Map.Entry<Integer, Posting>> reports) {
        MemoryPostings memory = postings(h);
        changed = true;
        Rows rows = new Rows(h);
        for (Map.Entry<Integer, Posting> report : reports) {
            Posting posting = numbered(report.getKey(), report.getValue());
            rows.takeBack(memory.post(posting));
            rows.link(posting, memory);
        }
        rows.flush();
    }

    private Posting numbered(int num, Posting unnumbered) {
        forest.add(num);
        return new Posting(num, unnumbered.keys(), unnumbered.never(), unnumbered.templates(), unnumbered.victimOwn());
    }

    /**
     * Forgets every edge and number, then posts and links every report again in arrival order (after a change of
     * warning lists or thresholds, or reports removed). The caller holds the lock and the transaction.
     *
     * <p>One pass in memory, rows written in large batches. The linker sees exactly what it saw when the reports
     * arrived one by one (the same counts, the same earliest reports), so the campaigns are the same. A report's
     * number is written only when it changes (reports were removed, or had none).
     */
    void rebuild(Handle h, Iterator<Stored> reports) {
        changed = true;
        h.execute("DELETE FROM campaign_edge");
        forest = new CampaignForest();
        next = 0;
        postings = null;
        MemoryPostings memory = new MemoryPostings(linker.policy());
        Rows rows = new Rows(h);
        while (reports.hasNext()) {
            Stored r = reports.next();
            int num = next++;
            // Ascending, and never above the old number: no two reports hold one number at any time.
            if (r.num() == null || r.num() != num) {
                rows.number(r.id(), num);
            }
            Posting posting = post(num, r.identifiers(), r.templates(), r.victimOwn());
            rows.takeBack(memory.post(posting));
            rows.link(posting, memory);
            if (rows.pending() >= REBUILD_BATCH) {
                rows.flush();
            }
        }
        rows.flush();
        postings = memory;
    }

    /**
     * A stored report as linking reads it again; {@code num} its number, null when it has none yet; {@code
     * templates} its texts' fingerprints, as stored or computed again.
     */
    record Stored(
            String id,
            Integer num,
            List<Identifier> identifiers,
            List<fr.vigie.link.Fingerprint> templates,
            Set<String> victimOwn) {}

    private Posting post(
            int num, List<Identifier> identifiers, List<fr.vigie.link.Fingerprint> templates, Set<String> victimOwn) {
        forest.add(num);
        return linker.postFingerprinted(num, identifiers, victimOwn, templates);
    }

    /** The postings of every numbered report, read from the stored reports on the first write. */
    /** Reads the postings now, if not yet read (the caller holds the lock), so the first write does not wait. */
    void warm(Jdbi jdbi) {
        jdbi.useHandle(this::postings);
    }

    private MemoryPostings postings(Handle h) {
        if (postings == null) {
            MemoryPostings memory = new MemoryPostings(linker.policy());
            Iterator<Stored> reports = stored.numbered(h);
            while (reports.hasNext()) {
                Stored r = reports.next();
                memory.post(linker.postFingerprinted(r.num(), r.identifiers(), r.victimOwn(), r.templates()));
            }
            postings = memory;
        }
        return postings;
    }

    /** The rows of numbering and linking reports, written in batches on one handle. */
    private final class Rows {
        private final Handle h;
        private PreparedBatch numbers;
        private PreparedBatch edges;

        Rows(Handle h) {
            this.h = h;
            prepare();
        }

        private void prepare() {
            numbers = h.prepareBatch("UPDATE report SET num = :num WHERE id = :id");
            edges = h.prepareBatch("INSERT INTO campaign_edge (a, b, via) VALUES (:a, :b, :via)");
        }

        void number(String id, int num) {
            numbers.bind("num", num).bind("id", id).add();
        }

        /**
         * Takes back the edges made by values that just became too common (written ones and queued ones), so the
         * campaigns they joined before anyone knew they were common come apart again.
         */
        void takeBack(List<Identifier> tooCommon) {
            if (tooCommon.isEmpty()) {
                return;
            }
            flush();
            PreparedBatch delete = h.prepareBatch("DELETE FROM campaign_edge WHERE via = :via");
            tooCommon.forEach(key -> delete.bind("via", CampaignForest.via(key)).add());
            delete.execute();
            forest.takeBack(tooCommon);
        }

        /** Links a posted report and queues the edges that joined two campaigns, each with the value that made it. */
        void link(Posting posting, Postings postings) {
            Linked linked = linker.link(posting, postings);
            int report = posting.report();
            // Strongest first (rarest values), then templates: an edge is kept under the first value that joined.
            for (Linked.Link link : linked.links()) {
                if (link.decision().strong()) {
                    long via = CampaignForest.via(link.decision().key());
                    link.with().forEach(other -> join(report, other, via));
                }
            }
            linked.templates().forEach(match -> join(report, match.with(), CampaignForest.TEMPLATE));
        }

        private void join(int report, int other, long via) {
            forest.join(report, other, via)
                    .ifPresent(kept -> edges.bind("a", kept.a())
                            .bind("b", kept.b())
                            .bind("via", kept.via())
                            .add());
        }

        int pending() {
            return numbers.size() + edges.size();
        }

        void flush() {
            for (PreparedBatch batch : List.of(numbers, edges)) {
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
        lock.readLock().lock();
        try {
            return forest.campaigns().contains(num)
                    ? Optional.of(new int[] {
                        forest.campaigns().campaignOf(num), forest.campaigns().sizeOf(num)
                    })
                    : Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The campaigns of these reports ({@code C-} and a number), each once, in the order of their reports' arrival
     * numbers (given sorted), at most {@code max}; numbers the union-find does not know are passed over.
     */
    List<String> campaignIds(int[] sortedNums, int max) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        lock.readLock().lock();
        try {
            for (int i = 0; i < sortedNums.length && ids.size() < max; i++) {
                if (forest.campaigns().contains(sortedNums[i])) {
                    ids.add("C-" + forest.campaigns().campaignOf(sortedNums[i]));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return List.copyOf(ids);
    }

    /** How many reports numbered {@code from} or later share report {@code num}'s campaign. */
    int membersFrom(int num, int from) {
        lock.readLock().lock();
        try {
            if (!forest.campaigns().contains(num)) {
                return 0;
            }
            int campaign = forest.campaigns().campaignOf(num);
            int count = 0;
            for (int n = Math.max(0, from); n < next; n++) {
                if (forest.campaigns().contains(n) && forest.campaigns().campaignOf(n) == campaign) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The members of one campaign, by its id (the number of its earliest report), in arrival order; empty when the
     * number names no campaign (or one retired by a merge). Its members are all numbered from its id on, and the
     * scan stops at the last of them: one campaign is read without grouping every report into campaigns.
     */
    List<Integer> members(int campaign) {
        lock.readLock().lock();
        try {
            if (!forest.campaigns().contains(campaign) || forest.campaigns().campaignOf(campaign) != campaign) {
                return List.of();
            }
            int size = forest.campaigns().sizeOf(campaign);
            List<Integer> members = new ArrayList<>(size);
            for (int n = campaign; n < next && members.size() < size; n++) {
                if (forest.campaigns().contains(n) && forest.campaigns().campaignOf(n) == campaign) {
                    members.add(n);
                }
            }
            return members;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The members of every campaign of at least {@code minSize} reports, by campaign id (its earliest report). */
    java.util.Map<Integer, List<Integer>> campaigns(int minSize) {
        lock.readLock().lock();
        try {
            java.util.Map<Integer, List<Integer>> members = new java.util.HashMap<>();
            for (int num = 0; num < next; num++) {
                if (forest.campaigns().contains(num) && forest.campaigns().sizeOf(num) >= minSize) {
                    members.computeIfAbsent(forest.campaigns().campaignOf(num), k -> new ArrayList<>())
                            .add(num);
                }
            }
            return members;
        } finally {
            lock.readLock().unlock();
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
}
