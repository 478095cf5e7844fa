package fr.vigie.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture {@code crash/killed-mid-write.mv.db} is the embedded store's file as a {@code vigie serve} left it when
 * CrashDurabilityTest killed it (kill -9, compaction on, 2026-11-29); {@code acknowledged.txt} lists the reports it
 * had answered 201 for. H2 alone reopened that file at an older commit and lost the last of them.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedReportIsThereWhenAKilledStoreIsOpenedAgain() throws IOException {
        Path file = killedFile();

        try (Database db = Database.embedded(dir)) {
            Set<String> stored = new HashSet<>(db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT id FROM report")
                            .mapTo(String.class)
                            .list()));
            assertThat(stored).containsAll(acknowledged());
        }
        assertThat(file).exists();
    }

    /** Why {@link CrashRecovery} exists: if this fails, H2 found its last commit by itself and the class may go. */
    @Test
    void h2AloneGoesBackToAnOlderCommitOnThatFile() throws Exception {
        Path file = killedFile();
        Set<String> stored = new HashSet<>();
        try (var connection = DriverManager.getConnection(
                        "jdbc:h2:file:" + file.toString().replace(".mv.db", "") + ";DATABASE_TO_LOWER=TRUE");
                var rows = connection.createStatement().executeQuery("SELECT id FROM report")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertThat(stored).isNotEmpty();
        assertThat(stored.containsAll(acknowledged())).isFalse();
    }

    @Test
    void theHeaderIsPointedAtTheNewestCompleteCommit() throws IOException {
        Path file = killedFile();

        var repair = CrashRecovery.repair(file).orElseThrow();

        assertThat(repair.found()).isGreaterThan(repair.headerVersion());
        assertThat(CrashRecovery.repair(file))
                .as("a second look finds nothing more to do")
                .isEmpty();
    }

    @Test
    void aCleanlyClosedFileIsNotTouched() throws IOException {
        try (Database db = Database.embedded(dir)) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (x INT)"));
        }
        Path file = dir.resolve("vigie.mv.db");
        byte[] before = Files.readAllBytes(file);

        assertThat(CrashRecovery.repair(file)).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    /** Text that looks like a chunk header inside the data (a narrative could hold one) is no chunk without its footer. */
    @Test
    void aChunkHeaderWithoutItsFooterIsNotTaken() throws IOException {
        Path file = killedFile();
        long real = CrashRecovery.repair(copy(file, "real.mv.db")).orElseThrow().found();
        byte[] fake = "chunk:7fff,len:1,pages:1,max:0,map:1,root:0,time:0,version:7ffffff,next:0,toc:0\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096).put(fake).rewind();
            channel.write(block, channel.size()); // a block of its own at the end, where H2 looks first
        }

        assertThat(CrashRecovery.repair(file).orElseThrow().found()).isEqualTo(real);
    }

    /** A running store's header is behind its last chunk all the time: it is H2's, not to be mended under it. */
    @Test
    void aStoreOpenRightNowIsNotTouched() throws IOException {
        try (Database db = Database.embedded(dir)) {
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE t (x INT)");
                for (int i = 0; i < 50; i++) {
                    h.execute("INSERT INTO t VALUES (?)", i);
                }
            });
            Path file = dir.resolve("vigie.mv.db");
            byte[] before = Files.readAllBytes(file);

            assertThat(CrashRecovery.repair(file)).isEmpty();
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        }
    }

    @Test
    void aFileThatIsNoStoreIsLeftToH2() throws IOException {
        Path empty = Files.write(dir.resolve("empty.mv.db"), new byte[0]);
        Path nul = Files.write(dir.resolve("nul.mv.db"), new byte[64 * 1024]);
        Path text = Files.writeString(dir.resolve("text.mv.db"), "H:2,block:zz\n".repeat(10_000));

        assertThat(CrashRecovery.repair(empty)).isEmpty();
        assertThat(CrashRecovery.repair(nul)).isEmpty();
        assertThat(CrashRecovery.repair(text)).isEmpty();
        assertThat(CrashRecovery.repair(dir.resolve("absent.mv.db"))).isEmpty();
    }

    private Path killedFile() throws IOException {
        Path file = dir.resolve("vigie.mv.db");
        try (InputStream in = resource("killed-mid-write.mv.db")) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path copy(Path file, String name) throws IOException {
        return Files.copy(file, dir.resolve(name));
    }

    private static List<String> acknowledged() throws IOException {
        try (InputStream in = resource("acknowledged.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        }
    }

    private static InputStream resource(String name) {
        return CrashRecoveryTest.class.getResourceAsStream("/fr/vigie/store/crash/" + name);
    }
}
