package fr.vigie.dossier;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Dossiers;
import fr.vigie.app.Reports;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A real embedded store in a temporary folder, reports submitted as the server does, and dossiers from it. */
final class DossierStoreFixture implements AutoCloseable {
    static final App APP = new App(Config.defaults());
    static final Instant GENERATED = Instant.parse("2026-11-29T08:30:00Z");

    final Path data;
    final Reports reports;
    final Dossiers dossiers;

    DossierStoreFixture() {
        try {
            data = Files.createTempDirectory("vigie-dossier-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null));
        reports = new Reports(
                store, SearchIndex.open(data.resolve("index")), APP.intake(), new ReportForm(APP.identifiers()));
        dossiers = APP.dossiers(store, Clock.fixed(GENERATED, ZoneOffset.UTC));
    }

    /** Submits a report: fields as name, value pairs; files as name, bytes. */
    String submit(List<String> fields, Map<String, byte[]> files) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i += 2) {
            form.computeIfAbsent(fields.get(i), k -> new java.util.ArrayList<>())
                    .add(fields.get(i + 1));
        }
        List<EvidenceFile> evidence = files.entrySet().stream()
                .map(e -> new EvidenceFile(e.getKey(), "message/rfc822", e.getValue()))
                .toList();
        return reports.submit(form, evidence, "test").id();
    }

    static byte[] fixture(String path) {
        try (InputStream in = DossierStoreFixture.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reports.close();
        try (var files = Files.walk(data)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
