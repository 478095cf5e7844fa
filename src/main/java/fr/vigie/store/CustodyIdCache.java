package fr.vigie.store;

import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V16, on the embedded store only: the custody table's ids are drawn 1,024 at a time instead of H2's 32.
 * H2 writes a sequence's position each time it draws a new range, in a commit of its own, and with WRITE_DELAY=0
 * every commit writes a chunk of the file: an import wrote one chunk every 32 evidence items, in the middle of its
 * batches, besides the batch's own. After a crash the next ids start past the last range drawn (a gap, never a
 * duplicate), and one counter for all sessions keeps them in order of arrival. PostgreSQL is left as it is: its
 * cache is per session, so ids from two connections would no longer follow the order of the events they number.
 * In Java because the statement is H2's alone.
 */
final class CustodyIdCache extends NumberedMigration {
    CustodyIdCache() {
        super(16, "custody id cache");
    }

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        if (!connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("h2")) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE custody ALTER COLUMN id SET CACHE 1024");
        }
    }
}
