package fr.vigie.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java (where H2 and PostgreSQL need different statements), known by its number and
 * description, run inside Flyway's transaction, with no checksum to compare on later starts.
 */
abstract class NumberedMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;

    NumberedMigration(int number, String description) {
        this.version = MigrationVersion.fromVersion(Integer.toString(number));
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
