package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.Config;
import fr.vigie.report.Submission;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The report versions on a real PostgreSQL, a fresh database per test; a second store plays another process. */
class PostgresReportVersionTest extends ReportVersionContract {
    @RegisterExtension
    static final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path dir;

    String jdbcUrl;

    @Override
    Store open(Clock clock) throws Exception {
        jdbcUrl = postgres.create("versions");
        return reopen(clock);
    }

    @Override
    Store reopen(Clock clock) {
        return Store.open(Config.defaults().withDataDir(dir).withJdbcUrl(jdbcUrl), clock);
    }

    /** {@code vigie subject erase} run beside a server on the same PostgreSQL: the server's next read sees it. */
    @Test
    void anErasureMadeThroughAnotherStoreOnTheSameDatabaseIsSeenByTheNextRead() throws Exception {
        Submission s = store.submit(report("ZEPHYRNARRATIVE4409"));
        long version = version(s.id());

        try (Store other = reopen(Clock.fixed(NOW, ZoneOffset.UTC))) {
            other.subjects().erase(List.of(s.id()), "dpo", "art. 17 request 5");
        }

        assertThat(readKnowing(s.id(), version).orElseThrow().narrative()).isEmpty();
    }

    @Override
    Path dataDir() {
        return dir;
    }
}
