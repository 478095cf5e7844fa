package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's file while it runs. With WRITE_DELAY=0 (every commit written before it returns), H2's own
 * background thread, which compacts, does not run: each commit leaves older chunks with a few live pages, and the
 * file grew to ten times its data. {@link Database} compacts instead.
 */
class EmbeddedCompactionTest {
    @TempDir
    Path dir;

    @Test
    void anEmbeddedStoreWrittenCommitByCommitKeepsMostOfItsChunksLive() throws Exception {
        try (Database db = Database.embedded(dir)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE churn (k CHAR(16) PRIMARY KEY, v VARCHAR(200))"));
            SplittableRandom random = new SplittableRandom(1);
            // keys at random places in the index, one commit each, as reports arrive
            for (int i = 0; i < 2_000; i++) {
                insert(db, random);
            }
            int before = chunksFillRate(db);
            int after = before;
            for (int pass = 0; pass < 20 && after < Database.COMPACT_FILL_RATE; pass++) {
                db.compactSome();
                insert(db, random); // the rewritten pages go out with the next commit
                Thread.sleep(300); // chunks emptied are dropped once the retention time (1 s) has passed
                insert(db, random);
                after = chunksFillRate(db);
            }

            assertThat(before).isLessThan(Database.COMPACT_FILL_RATE);
            assertThat(after).isGreaterThanOrEqualTo(Database.COMPACT_FILL_RATE);
        }
    }

    private static void insert(Database db, SplittableRandom random) {
        db.jdbi()
                .useHandle(h -> h.createUpdate("INSERT INTO churn (k, v) VALUES (:k, :v)")
                        .bind("k", Long.toHexString(random.nextLong() | Long.MIN_VALUE))
                        .bind("v", "x".repeat(100 + random.nextInt(100)))
                        .execute());
    }

    private static int chunksFillRate(Database db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT setting_value FROM information_schema.settings WHERE setting_name = :name")
                        .bind("name", "info.CHUNKS_FILL_RATE")
                        .mapTo(Integer.class)
                        .one());
    }
}
