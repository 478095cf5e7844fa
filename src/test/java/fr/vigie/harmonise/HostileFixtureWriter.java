package fr.vigie.harmonise;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the hostile fixtures under {@code src/test/resources/hostile/} (gzipped, so a 50 MB header costs 50 KB
 * in the repository). Run it again only to change a fixture:
 * {@code java -cp target/test-classes fr.vigie.harmonise.HostileFixtureWriter src/test/resources/hostile}.
 */
public final class HostileFixtureWriter {
    private static final String PLAIN_HEAD = "From: sender@example.org\r\nTo: victim@example.net\r\n"
            + "Subject: hostile\r\nMessage-ID: <hostile@example.org>\r\nMIME-Version: 1.0\r\n";

    private HostileFixtureWriter() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/hostile");
        Files.createDirectories(dir);
        write(dir.resolve("nested-10000-multiparts.eml.gz"), HostileFixtureWriter::nested);
        write(dir.resolve("header-50mb.eml.gz"), HostileFixtureWriter::hugeHeader);
        write(dir.resolve("base64-bomb.eml.gz"), HostileFixtureWriter::base64Bomb);
        write(dir.resolve("nul-filled.bin.gz"), out -> out.write(new byte[1 << 20]));
        write(dir.resolve("many-parts.eml.gz"), HostileFixtureWriter::manyParts);
        write(dir.resolve("long-line.eml.gz"), HostileFixtureWriter::longLine);
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static void write(Path file, Body body) throws IOException {
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            body.write(out);
        }
    }

    private static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** 10,000 multiparts, each the only child of the one before. */
    private static void nested(OutputStream out) throws IOException {
        ascii(out, PLAIN_HEAD + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        int depth = 10_000;
        for (int i = 1; i <= depth; i++) {
            ascii(out, "--b" + (i - 1) + "\r\nContent-Type: multipart/mixed; boundary=\"b" + i + "\"\r\n\r\n");
        }
        ascii(out, "--b" + depth + "\r\nContent-Type: text/plain\r\n\r\ndeep\r\n");
        for (int i = depth; i >= 0; i--) {
            ascii(out, "--b" + i + "--\r\n");
        }
    }

    /** One header field folded over 50 MB of continuation lines. */
    private static void hugeHeader(OutputStream out) throws IOException {
        ascii(out, PLAIN_HEAD + "X-Filler: start\r\n");
        String line = " " + "x".repeat(75) + "\r\n";
        long written = 0;
        while (written < 50L * 1024 * 1024) {
            ascii(out, line);
            written += line.length();
        }
        ascii(out, "\r\nbody\r\n");
    }

    /** A text part whose base64 decodes to 12 MB: over the decoded-text limit, under the message limit. */
    private static void base64Bomb(OutputStream out) throws IOException {
        ascii(out, PLAIN_HEAD + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        String line = Base64.getEncoder().encodeToString("A".repeat(57).getBytes(StandardCharsets.US_ASCII)) + "\r\n";
        long decoded = 0;
        while (decoded < 12L * 1024 * 1024) {
            ascii(out, line);
            decoded += 57;
        }
    }

    private static void manyParts(OutputStream out) throws IOException {
        ascii(out, PLAIN_HEAD + "Content-Type: multipart/mixed; boundary=\"p\"\r\n\r\n");
        for (int i = 0; i < 5_000; i++) {
            ascii(out, "--p\r\nContent-Type: text/plain\r\n\r\npart " + i + "\r\n");
        }
        ascii(out, "--p--\r\n");
    }

    private static void longLine(OutputStream out) throws IOException {
        ascii(out, PLAIN_HEAD + "X-Long: " + "y".repeat(2_000_000) + "\r\n\r\nbody\r\n");
    }
}
