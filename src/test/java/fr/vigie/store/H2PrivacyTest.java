package fr.vigie.store;

import fr.vigie.app.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** The privacy suite on the embedded H2 store; an erased canary is looked for in the database file itself. */
class H2PrivacyTest extends PrivacyContract {
    @TempDir
    Path dir;

    @Override
    Store open(Clock clock, Store.Protection protection) {
        return Store.open(Config.defaults().withDataDir(dir).withJdbcUrl(null), clock, protection);
    }

    @Override
    Store reopen(Clock clock) {
        return open(clock, Store.Protection.ON);
    }

    @Override
    Path dataDir() {
        return dir;
    }

    @Override
    List<String> whereFound(String canary) throws Exception {
        return filesContaining(dir, canary);
    }
}
