package fr.vigie.store;

import java.util.List;
import java.util.Optional;

/**
 * A master key rotation, the database part (the key files are {@link KeyRing#beginRotation}'s): every data key not
 * wrapped by the current master key is unwrapped and wrapped again, 200 rows per transaction; rows from before
 * encryption are sealed. The ciphertexts are not touched, so the bytes of an evidence file are never rewritten.
 */
final class Rotation {
    private static final int BATCH = 200;

    private final Store store;

    Rotation(Store store) {
        this.store = store;
    }

    long pending() {
        return store.database().jdbi().withHandle(h -> {
            String current = store.keys().currentId();
            long reporters = h.createQuery("SELECT COUNT(*) FROM reporter WHERE master_id IS NULL OR master_id <> :k")
                    .bind("k", current)
                    .mapTo(Long.class)
                    .one();
            long blobs = h.createQuery("SELECT COUNT(*) FROM evidence_blob WHERE master_id IS NULL OR master_id <> :k")
                    .bind("k", current)
                    .mapTo(Long.class)
                    .one();
            return reporters + blobs;
        });
    }

    long run() {
        KeyRing keys = store.keys();
        String current = keys.currentId();
        long changed = 0;
        while (true) {
            int done = store.database().jdbi().inTransaction(h -> {
                record Row(String id, String country, byte[] wrapped, String master) {}
                List<Row> rows = h.createQuery("""
                                SELECT c.id, c.wrapped_key, c.master_id,
                                    (SELECT MIN(r.country) FROM report r WHERE r.reporter_id = c.id) AS country
                                FROM reporter c WHERE c.master_id IS NULL OR c.master_id <> :k LIMIT :n""")
                        .bind("k", current)
                        .bind("n", BATCH)
                        .map((rs, ctx) -> new Row(
                                rs.getString("id"),
                                Optional.ofNullable(rs.getString("country"))
                                        .map(String::strip)
                                        .orElse("FR"),
                                rs.getBytes("wrapped_key"),
                                rs.getString("master_id")))
                        .list();
                for (Row row : rows) {
                    if (row.master() == null) {
                        // Written before encryption: read in clear, written back sealed with its look-up hashes.
                        var contact = store.contacts().read(h, row.id()).orElseThrow();
                        store.contacts().rewrite(h, row.id(), contact, row.country());
                    } else {
                        h.createUpdate("UPDATE reporter SET wrapped_key = :w, master_id = :k WHERE id = :id")
                                .bind("w", keys.rewrap(row.wrapped(), row.master(), "reporter:" + row.id()))
                                .bind("k", current)
                                .bind("id", row.id())
                                .execute();
                    }
                    h.createUpdate("UPDATE report SET version = version + 1 WHERE reporter_id = :id")
                            .bind("id", row.id())
                            .execute();
                }
                if (rows.size() == BATCH) {
                    return rows.size();
                }
                record Blob(String sha, byte[] wrapped, String master) {}
                List<Blob> blobs = h.createQuery("SELECT sha256, wrapped_key, master_id FROM evidence_blob "
                                + "WHERE master_id IS NULL OR master_id <> :k LIMIT :n")
                        .bind("k", current)
                        .bind("n", BATCH - rows.size())
                        .map((rs, ctx) -> new Blob(rs.getString(1).strip(), rs.getBytes(2), rs.getString(3)))
                        .list();
                for (Blob blob : blobs) {
                    String context = "evidence:" + blob.sha();
                    if (blob.master() == null) {
                        KeyRing.Sealed sealed = keys.seal(store.blob(h, blob.sha()), context);
                        h.createUpdate("UPDATE evidence_blob SET bytes = :b, wrapped_key = :w, master_id = :k "
                                        + "WHERE sha256 = :sha")
                                .bind("b", sealed.ciphertext())
                                .bind("w", sealed.wrappedKey())
                                .bind("k", current)
                                .bind("sha", blob.sha())
                                .execute();
                    } else {
                        h.createUpdate("UPDATE evidence_blob SET wrapped_key = :w, master_id = :k WHERE sha256 = :sha")
                                .bind("w", keys.rewrap(blob.wrapped(), blob.master(), context))
                                .bind("k", current)
                                .bind("sha", blob.sha())
                                .execute();
                    }
                    h.createUpdate("UPDATE report SET version = version + 1 "
                                    + "WHERE id IN (SELECT report_id FROM evidence WHERE sha256 = :sha)")
                            .bind("sha", blob.sha())
                            .execute();
                }
                return rows.size() + blobs.size();
            });
            changed += done;
            if (done == 0) {
                return changed;
            }
        }
    }
}
