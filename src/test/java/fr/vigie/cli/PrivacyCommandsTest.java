package fr.vigie.cli;

import static fr.vigie.cli.CliRun.vigieAs;
import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Role;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.ReportForm;
import fr.vigie.store.Store;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The privacy commands on a real embedded store: audit verify, subject export and erase, legal hold, key rotation. */
class PrivacyCommandsTest {
    static final App APP = new App(Config.defaults());

    @TempDir
    Path data;

    /** One report with a contact, stored in {@code data}; returns its id. */
    String submit(String email) throws Exception {
        byte[] eml;
        try (InputStream in = getClass().getResourceAsStream("/privacy/canary_a.eml")) {
            eml = in.readAllBytes();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("contact_email", List.of(email));
        fields.put("narrative", List.of("narrative of " + email));
        fields.put("channel", List.of("email"));
        try (Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null))) {
            return store.submit(APP.intake()
                            .prepare(new ReportForm(APP.identifiers())
                                    .read(fields, List.of(new EvidenceFile("m.eml", "message/rfc822", eml)), "web")))
                    .id();
        }
    }

    @Test
    void auditVerifyExitsNonZeroAndNamesTheEditedEntry() throws Exception {
        try (Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null))) {
            for (int i = 0; i < 4; i++) {
                store.audit().record("analyst:alice", "report.read", "VG-" + i, null);
            }
        }
        assertThat(vigieAs(Role.DPO, data, "audit", "verify", "--data", data.toString())
                        .out())
                .contains("intact: 5 entries"); // the four, and this command's own use

        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.resolve("vigie") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
                Statement s = c.createStatement()) {
            s.execute("UPDATE audit SET target = 'VG-9' WHERE seq = 2");
        }

        CliRun run = vigieAs(Role.DPO, data, "audit", "verify", "--data", data.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("entry 2 is broken", "edited");
    }

    @Test
    void subjectExportWritesOneZipAndEraseLeavesNothingToExport() throws Exception {
        String id = submit("cli.subject@example.org");
        submit("someone.else@example.org");
        Path zip = data.resolve("export.zip");

        CliRun export = vigieAs(
                Role.DPO,
                data,
                "subject",
                "export",
                "--email",
                "cli.subject@example.org",
                "--reason",
                "request 1",
                "--out",
                zip.toString(),
                "--data",
                data.toString());

        assertThat(export.code()).as(export.err()).isEqualTo(0);
        String json;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            StringBuilder all = new StringBuilder();
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                all.append(e.getName()).append('\n').append(new String(in.readAllBytes(), "UTF-8"));
            }
            json = all.toString();
        }
        assertThat(json).contains(id, "cli.subject@example.org", "evidence/" + id + "-0.bin");
        assertThat(json).doesNotContain("someone.else");

        CliRun erase = vigieAs(
                Role.DPO, data, "subject", "erase", "--report", id, "--reason", "request 2", "--data", data.toString());
        assertThat(erase.out()).contains("1 reports erased");
        assertThat(vigieAs(
                                Role.DPO,
                                data,
                                "subject",
                                "export",
                                "--email",
                                "cli.subject@example.org",
                                "--reason",
                                "r",
                                "--out",
                                zip.toString(),
                                "--data",
                                data.toString())
                        .code())
                .isEqualTo(Main.UNREADABLE_INPUT);
        assertThat(vigieAs(Role.DPO, data, "audit", "verify", "--data", data.toString())
                        .code())
                .isZero();
    }

    @Test
    void aReportUnderLegalHoldIsNotErased() throws Exception {
        String id = submit("held@example.org");

        assertThat(vigieAs(
                                Role.DPO,
                                data,
                                "retention",
                                "hold",
                                id,
                                "--reason",
                                "judicial request",
                                "--data",
                                data.toString())
                        .code())
                .isZero();
        CliRun erase = vigieAs(
                Role.DPO,
                data,
                "subject",
                "erase",
                "--email",
                "held@example.org",
                "--reason",
                "r",
                "--data",
                data.toString());

        assertThat(erase.out()).contains("0 reports erased", "kept under legal hold: " + id);
        assertThat(vigieAs(Role.DPO, data, "retention", "hold", "VG-NOSUCH", "--reason", "r", "--data", data.toString())
                        .code())
                .isEqualTo(Main.UNREADABLE_INPUT);
    }

    @Test
    void keysRotateReWrapsEveryKeyAndTheEvidenceStillReads() throws Exception {
        String id = submit("rotate@example.org");
        byte[] before = Files.readAllBytes(data.resolve("keys/master.key"));

        CliRun rotate = vigieAs(Role.ADMIN, data, "keys", "rotate", "--data", data.toString());

        assertThat(rotate.code()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("2 rows re-wrapped");
        assertThat(Files.readAllBytes(data.resolve("keys/master.key"))).isNotEqualTo(before);
        assertThat(data.resolve("keys/master.key.old")).doesNotExist();
        try (Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null))) {
            assertThat(store.evidence(id, 0, "test")).isPresent();
        }
    }

    @Test
    void retentionRunSaysWhatItPurged() {
        CliRun run = vigieAs(Role.DPO, data, "retention", "run", "--data", data.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("0 identities", "0 due but under legal hold");
    }
}
