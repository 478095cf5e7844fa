package fr.vigie.web;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.http.HttpServer;
import fr.vigie.report.ReportForm;
import fr.vigie.search.SearchIndex;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real server with its pages, on a free loopback port, over a fresh embedded store in a temporary folder. */
final class WebServer implements AutoCloseable {
    static final App APP = new App(Config.defaults());

    final String base;
    private final HttpServer server;
    private final Reports reports;
    private final Path data;

    WebServer() {
        try {
            data = Files.createTempDirectory("vigie-web-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Store store = Store.open(Config.defaults().withDataDir(data).withJdbcUrl(null));
        reports = new Reports(
                store, SearchIndex.open(data.resolve("index")), APP.intake(), new ReportForm(APP.identifiers()));
        server = new HttpServer(APP, reports);
        base = "http://127.0.0.1:" + server.start(0);
    }

    Reports reports() {
        return reports;
    }

    @Override
    public void close() {
        server.close();
        reports.close();
        try (var files = Files.walk(data)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    static byte[] fixture(String path) {
        try (InputStream in = WebServer.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
