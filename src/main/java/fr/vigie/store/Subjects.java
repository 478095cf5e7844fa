package fr.vigie.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.VigieException;
import fr.vigie.report.Contact;
import fr.vigie.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;

/**
 * Requests from data subjects (GDPR art. 15–17) and legal holds. A reporter is found by their e-mail address, their
 * phone number or one of their reports; what is found is the set of reports they made, and only those. Each
 * request is an entry of the audit log with its reason. Thread-safe.
 */
public final class Subjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;

    Subjects(Store store) {
        this.store = store;
    }

    /** How a data subject is looked for. */
    public enum By {
        EMAIL,
        PHONE,
        REPORT;

        public static Optional<By> fromId(String id) {
            for (By by : values()) {
                if (by.name().toLowerCase(Locale.ROOT).equals(id)) {
                    return Optional.of(by);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The reports of one reporter, oldest first. By report: that report and every other report with the same e-mail
     * address or phone number. A phone number without its country is read as French.
     */
    public List<String> find(By by, String value) {
        if (value == null || value.isBlank() || value.length() > 320) {
            return List.of();
        }
        Secrets secrets = store.secrets();
        return store.database().jdbi().withHandle(h -> {
            Set<String> emailHashes = new LinkedHashSet<>();
            Set<String> phoneHashes = new LinkedHashSet<>();
            Set<String> reports = new LinkedHashSet<>();
            switch (by) {
                case EMAIL -> emailHashes.add(secrets.lookupHash("email", Contacts.email(value)));
                case PHONE -> phoneHashes.add(secrets.lookupHash("phone", Contacts.phone(value, "FR")));
                case REPORT -> {
                    var row = h.createQuery("SELECT id, reporter_id, country FROM report WHERE id = :id")
                            .bind("id", value.strip())
                            .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                            .findOne();
                    if (row.isEmpty()) {
                        return List.of();
                    }
                    reports.add(row.get()[0]);
                    if (row.get()[1] != null) {
                        store.contacts().read(h, row.get()[1]).ifPresent(c -> {
                            c.email().ifPresent(e -> emailHashes.add(secrets.lookupHash("email", Contacts.email(e))));
                            c.phone()
                                    .ifPresent(p -> phoneHashes.add(
                                            secrets.lookupHash("phone", Contacts.phone(p, row.get()[2]))));
                        });
                    }
                }
            }
            if (!emailHashes.isEmpty()) {
                reports.addAll(h.createQuery("SELECT r.id FROM report r JOIN reporter c ON c.id = r.reporter_id "
                                + "WHERE c.email_hash IN (<h>) ORDER BY r.received_at, r.id")
                        .bindList("h", List.copyOf(emailHashes))
                        .mapTo(String.class)
                        .list());
                if (by == By.EMAIL) {
                    // rows written before encryption, until a rotation seals them and computes their hashes
                    reports.addAll(h.createQuery("SELECT r.id FROM report r JOIN reporter c ON c.id = r.reporter_id "
                                    + "WHERE c.master_id IS NULL AND LOWER(c.email) = :e")
                            .bind("e", Contacts.email(value))
                            .mapTo(String.class)
                            .list());
                }
            }
            if (!phoneHashes.isEmpty()) {
                reports.addAll(h.createQuery("SELECT r.id FROM report r JOIN reporter c ON c.id = r.reporter_id "
                                + "WHERE c.phone_hash IN (<h>) ORDER BY r.received_at, r.id")
                        .bindList("h", List.copyOf(phoneHashes))
                        .mapTo(String.class)
                        .list());
            }
            return List.copyOf(reports);
        });
    }

    /**
     * Everything held about the reporter of {@code reports}, as one zip: {@code subject.json} (each report with its
     * contact, narrative, losses, status history, identifiers, evidence list and who accessed it) and {@code
     * evidence/} (each evidence file's exact bytes). Nothing of any other report is read.
     */
    public byte[] export(List<String> reports, String actor, String reason) {
        requireReason(reason);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "vigie-subject-export-1");
        root.put("generated_at", store.clock().instant().toString());
        ArrayNode items = root.putArray("reports");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            for (String id : reports) {
                Optional<Report> report = store.report(id);
                if (report.isEmpty()) {
                    continue;
                }
                ObjectNode item = items.addObject();
                describe(item, report.get());
                store.database().jdbi().useHandle(h -> {
                    contactOf(h, id).ifPresent(c -> {
                        ObjectNode contact = item.putObject("contact");
                        c.name().ifPresent(v -> contact.put("name", v));
                        c.email().ifPresent(v -> contact.put("email", v));
                        c.phone().ifPresent(v -> contact.put("phone", v));
                    });
                    var row = h.createQuery("SELECT legal_hold, erased_at FROM report WHERE id = :id")
                            .bind("id", id)
                            .map((rs, ctx) -> new Object[] {rs.getBoolean(1), rs.getObject(2)})
                            .one();
                    item.put("legal_hold", (Boolean) row[0]);
                    item.put("erased", row[1] != null);
                });
                ArrayNode files = item.putArray("evidence");
                for (Report.StoredEvidence e : report.get().evidence()) {
                    ObjectNode file = files.addObject();
                    file.put("seq", e.seq());
                    file.put("sha256", e.sha256());
                    file.put("size", e.size());
                    file.put("filename", e.filename());
                    file.put("media_type", e.mediaType());
                    file.put("received_at", e.receivedAt().toString());
                    String path = "evidence/" + id + "-" + e.seq() + ".bin";
                    file.put("file", path);
                    byte[] bytes = store.database().jdbi().withHandle(h -> store.blob(h, e.sha256()));
                    zip.putNextEntry(new ZipEntry(path));
                    zip.write(bytes);
                    zip.closeEntry();
                }
                ArrayNode accesses = item.putArray("accesses");
                for (Audit.Entry entry : store.audit().about(id)) {
                    ObjectNode access = accesses.addObject();
                    access.put("at", entry.at().toString());
                    access.put("actor", entry.actor());
                    access.put("action", entry.action());
                }
            }
            zip.putNextEntry(new ZipEntry("subject.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reports.forEach(id -> store.audit().record(actor, "subject.export", id, reason));
        return zipped.toByteArray();
    }

    private static void describe(ObjectNode item, Report r) {
        item.put("id", r.id());
        item.put("received_at", r.receivedAt().toString());
        item.put("source", r.source());
        item.put("status", r.status().id());
        item.put("channel", r.channel().id());
        item.put("country", r.situation().country());
        item.put("minor", r.situation().minor());
        item.put("lang", r.situation().lang().id());
        item.put("narrative", r.narrative());
        r.firstContact().ifPresent(d -> item.put("first_contact", d.toString()));
        r.lastContact().ifPresent(d -> item.put("last_contact", d.toString()));
        ArrayNode losses = item.putArray("losses");
        r.losses().forEach(l -> {
            ObjectNode loss = losses.addObject();
            loss.put("amount", l.amount().toPlainString());
            loss.put("currency", l.currency());
            loss.put("method", l.method().id());
            l.paidOn().ifPresent(d -> loss.put("paid_on", d.toString()));
        });
        ArrayNode history = item.putArray("status_history");
        r.history().forEach(c -> {
            ObjectNode change = history.addObject();
            change.put("status", c.status().id());
            change.put("at", c.at().toString());
            change.put("note", c.note());
        });
        ArrayNode identifiers = item.putArray("identifiers");
        r.identifiers().forEach(i -> {
            ObjectNode identifier = identifiers.addObject();
            identifier.put("kind", i.kind().id());
            identifier.put("value", i.value());
            identifier.put("origin", i.origin().id());
        });
        r.verdict().ifPresent(v -> item.put("verdict", v.id()));
        ArrayNode schemes = item.putArray("schemes");
        r.schemes().forEach(schemes::add);
    }

    private Optional<Contact> contactOf(Handle h, String reportId) {
        return h.createQuery("SELECT reporter_id FROM report WHERE id = :id AND reporter_id IS NOT NULL")
                .bind("id", reportId)
                .mapTo(String.class)
                .findOne()
                .flatMap(reporter -> store.contacts().read(h, reporter));
    }

    /**
     * Replaces the given contact fields (the others stay) on each of {@code reports}; returns how many contacts were
     * changed (an anonymous or erased report has none).
     */
    public int rectify(List<String> reports, Contact changes, String actor, String reason) {
        requireReason(reason);
        int changed = store.database().jdbi().inTransaction(h -> {
            int n = 0;
            for (String id : reports) {
                var row = h.createQuery("SELECT reporter_id, country FROM report WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) ->
                                new String[] {rs.getString(1), rs.getString(2).strip()})
                        .findOne();
                if (row.isEmpty() || row.get()[0] == null) {
                    continue;
                }
                Contact old = store.contacts().read(h, row.get()[0]).orElseThrow();
                Contact now = new Contact(
                        changes.name().or(old::name),
                        changes.email().or(old::email),
                        changes.phone().or(old::phone));
                store.contacts().rewrite(h, row.get()[0], now, row.get()[1]);
                Store.changed(h, id);
                n++;
            }
            return n;
        });
        reports.forEach(id -> store.audit().record(actor, "subject.rectify", id, reason));
        return changed;
    }

    /** What an erasure did: the reports left as tombstones, and those kept whole under a legal hold. */
    public record Erasure(List<String> erased, List<String> held) {}

    /**
     * Erases the reporter's personal data from each report not under legal hold: contact and identity, evidence
     * (bytes, analysis, message text; a file shared with another report stays for that report), narrative and
     * status notes. What remains is a tombstone that keeps the counts: date, status, country, channel, verdict,
     * schemes, losses, the scam's identifiers and the report's place in its campaign. A report under legal hold is
     * kept whole and named in the answer.
     */
    public Erasure erase(List<String> reports, String actor, String reason) {
        requireReason(reason);
        List<String> erased = new ArrayList<>();
        List<String> held = new ArrayList<>();
        Instant now = store.clock().instant();
        for (String id : reports) {
            Boolean hold = store.database().jdbi().inTransaction(h -> {
                Optional<Boolean> legalHold = h.createQuery("SELECT legal_hold FROM report WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Boolean.class)
                        .findOne();
                if (legalHold.isEmpty() || legalHold.get()) {
                    return legalHold.orElse(null);
                }
                eraseIdentity(h, id);
                eraseEvidence(h, id, actor, now);
                eraseAnalysis(h, id, now);
                return false;
            });
            if (hold == null) {
                continue;
            }
            (hold ? held : erased).add(id);
            store.audit().record(actor, hold ? "subject.erase.held" : "subject.erase", id, reason);
        }
        if (!erased.isEmpty()) {
            store.database().compactOnClose();
            store.lookupsChanged(); // victims were counted by their identity
        }
        return new Erasure(List.copyOf(erased), List.copyOf(held));
    }

    /** The reporter row goes; the report keeps its (meaningless) pseudonym. */
    static void eraseIdentity(Handle h, String id) {
        h.createQuery("SELECT reporter_id FROM report WHERE id = :id AND reporter_id IS NOT NULL")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .ifPresent(reporter -> {
                    h.createUpdate("UPDATE report SET reporter_id = NULL, version = version + 1 WHERE id = :id")
                            .bind("id", id)
                            .execute();
                    h.createUpdate("DELETE FROM reporter WHERE id = :r")
                            .bind("r", reporter)
                            .execute();
                });
    }

    /** The evidence rows go, with their bytes unless another report holds the same file; custody says so. */
    static void eraseEvidence(Handle h, String id, String actor, Instant now) {
        List<String> shas = h.createQuery("SELECT DISTINCT sha256 FROM evidence WHERE report_id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .map(String::strip)
                .list();
        if (shas.isEmpty()) {
            return;
        }
        h.createUpdate("DELETE FROM evidence WHERE report_id = :id")
                .bind("id", id)
                .execute();
        for (String sha : shas) {
            h.createUpdate("DELETE FROM evidence_blob WHERE sha256 = :sha "
                            + "AND NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = :sha)")
                    .bind("sha", sha)
                    .execute();
            h.createUpdate("INSERT INTO custody (sha256, report_id, at, action, actor) "
                            + "VALUES (:sha, :id, :at, 'erased', :actor)")
                    .bind("sha", sha)
                    .bind("id", id)
                    .bind("at", Store.utc(now))
                    .bind("actor", actor.length() > 80 ? actor.substring(0, 80) : actor)
                    .execute();
        }
        h.createUpdate("UPDATE report SET erased_at = COALESCE(erased_at, :at), version = version + 1 WHERE id = :id")
                .bind("at", Store.utc(now))
                .bind("id", id)
                .execute();
    }

    /** The narrative, the message texts and analyses, and the status notes go; the scam's identifiers stay. */
    static void eraseAnalysis(Handle h, String id, Instant now) {
        h.createUpdate("UPDATE report SET narrative = '', fingerprints = NULL, erased_at = COALESCE(erased_at, :at), "
                        + "version = version + 1 WHERE id = :id")
                .bind("at", Store.utc(now))
                .bind("id", id)
                .execute();
        h.createUpdate("UPDATE evidence SET analysis = NULL, derived_text = NULL WHERE report_id = :id")
                .bind("id", id)
                .execute();
        h.createUpdate("UPDATE report_status SET note = NULL WHERE report_id = :id")
                .bind("id", id)
                .execute();
    }

    /**
     * Puts a report under legal hold (nothing of it is erased or purged, whatever is asked) or releases it; false if
     * there is no such report.
     */
    public boolean hold(String reportId, boolean on, String actor, String reason) {
        requireReason(reason);
        int updated = store.database()
                .jdbi()
                .withHandle(
                        h -> h.createUpdate("UPDATE report SET legal_hold = :on, version = version + 1 WHERE id = :id")
                                .bind("on", on)
                                .bind("id", reportId)
                                .execute());
        if (updated > 0) {
            store.audit().record(actor, on ? "legal_hold.set" : "legal_hold.release", reportId, reason);
        }
        return updated > 0;
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new VigieException("a reason is required (it is kept in the audit log)");
        }
        if (reason.length() > 2000) {
            throw new VigieException("the reason is longer than 2000 characters");
        }
    }
}
