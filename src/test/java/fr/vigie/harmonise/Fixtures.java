package fr.vigie.harmonise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** Reads test fixtures from the class path; {@code .gz} fixtures are streamed, never inflated whole. */
final class Fixtures {
    private Fixtures() {}

    static InputStream stream(String path) {
        InputStream in = Fixtures.class.getResourceAsStream("/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        try {
            return path.endsWith(".gz") ? new GZIPInputStream(in, 65536) : in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String path) {
        try (InputStream in = stream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
