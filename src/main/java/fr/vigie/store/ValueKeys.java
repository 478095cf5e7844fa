package fr.vigie.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V14: identifiers are looked up by a 64-bit key, the first 64 bits of their value hash ({@link
 * #of}), instead of the 64 hex digits of the hash itself. The look-up index gets an entry for every identifier of
 * every report, at a random place (a hash); with 64-character keys its pages were most of what the embedded store
 * wrote and encoded again at each commit of an ingest. A look-up still checks the whole hash, so two values whose
 * keys meet are never confused. In Java because H2 and PostgreSQL share no way of reading hex digits as a number.
 */
final class ValueKeys extends NumberedMigration {
    /** The key of a value hash (64 hex digits): its first 16 digits as a (signed) 64-bit number. */
    static long of(String valueHash) {
        return Long.parseUnsignedLong(valueHash.substring(0, 16), 16);
    }

    ValueKeys() {
        super(14, "identifier value keys");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE report_identifier ADD COLUMN value_key BIGINT");
            List<String> hashes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT value_hash FROM report_identifier")) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
            try (PreparedStatement update =
                    c.prepareStatement("UPDATE report_identifier SET value_key = ? WHERE value_hash = ?")) {
                for (int i = 0; i < hashes.size(); i++) {
                    update.setLong(1, of(hashes.get(i)));
                    update.setString(2, hashes.get(i));
                    update.addBatch();
                    if (i % 1_000 == 999 || i == hashes.size() - 1) {
                        update.executeBatch();
                    }
                }
            }
            s.execute("ALTER TABLE report_identifier ALTER COLUMN value_key SET NOT NULL");
            s.execute("DROP INDEX report_identifier_value");
            s.execute("CREATE INDEX report_identifier_key ON report_identifier (value_key)");
        }
    }
}
