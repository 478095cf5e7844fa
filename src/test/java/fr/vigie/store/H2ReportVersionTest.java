package fr.vigie.store;

import fr.vigie.app.Config;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The report versions on the embedded H2 store. */
class H2ReportVersionTest extends ReportVersionContract {
    @TempDir
    Path dir;

    @Override
    Store open(Clock clock) {
        return Store.open(Config.defaults().withDataDir(dir).withJdbcUrl(null), clock);
    }

    @Override
    Store reopen(Clock clock) {
        return open(clock);
    }

    @Override
    Path dataDir() {
        return dir;
    }
}
