package fr.vigie.ocr;

import fr.vigie.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads the text of a screenshot with Tesseract ({@code tesseract-ocr}, {@code -fra}, {@code -eng}), run as a
 * process: the image is measured from its header first (bytes, pixels, sides), the process is killed at the timeout,
 * and the words come back in chat reading order ({@link ReadingOrder}) with checksum-proven repairs of wallets and
 * IBANs ({@link OcrRepair}). Thread-safe: each call runs its own process.
 */
public final class Ocr {
    /**
     * @param maxBytes the largest image file read
     * @param maxPixels the most pixels an image may declare (a phone screenshot has about 3.6 million)
     * @param maxSide the longest side (a scrolling capture is tall, not 20,000 pixels tall)
     */
    public record Limits(long maxBytes, long maxPixels, long maxSide, Duration timeout) {
        public static final Limits DEFAULT = new Limits(15L << 20, 40_000_000L, 20_000, Duration.ofSeconds(60));
    }

    private final String command;
    private final Limits limits;

    /** @param command the tesseract program (a name on the PATH, or a path) */
    public Ocr(String command, Limits limits) {
        this.command = command;
        this.limits = limits;
    }

    public Ocr() {
        this("tesseract", Limits.DEFAULT);
    }

    /** True when the bytes start like an image this class reads (PNG, JPEG, GIF, BMP, WebP), whatever the file is named. */
    public static boolean isImage(byte[] head) {
        return ImageHeader.format(head).isPresent();
    }

    /**
     * The screenshot's text, one line per bubble or paragraph, top to bottom.
     *
     * @throws BadInputException {@code image.*} when the image is over a limit or unreadable, {@code ocr.timeout}
     *     when reading it took too long, {@code ocr.no_text} when no word was found
     * @throws OcrUnavailableException when tesseract is not installed
     */
    public String read(byte[] image) {
        ImageHeader header = check(image);
        Path file = null;
        try {
            file = Files.createTempFile("vigie-ocr-", "." + header.format());
            Files.write(file, image);
            String tsv = run(file);
            String text = OcrRepair.repair(ReadingOrder.text(tsv));
            if (text.isBlank()) {
                throw new BadInputException("ocr.no_text", "no text was found in the image");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the image to a temporary file", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    private ImageHeader check(byte[] image) {
        if (image.length > limits.maxBytes()) {
            throw new BadInputException(
                    "image.too_large",
                    "the image is " + image.length + " bytes; the limit is " + limits.maxBytes() + " bytes");
        }
        ImageHeader header = ImageHeader.read(image)
                .orElseThrow(() -> new BadInputException(
                        "image.unreadable",
                        "the image's header cannot be read (PNG, JPEG, GIF, BMP or WebP expected)"));
        if (header.width() > limits.maxSide()
                || header.height() > limits.maxSide()
                || header.pixels() > limits.maxPixels()) {
            throw new BadInputException(
                    "image.too_many_pixels",
                    "the image declares " + header.width() + " × " + header.height() + " pixels; the limit is "
                            + limits.maxPixels() + " pixels and " + limits.maxSide() + " per side");
        }
        return header;
    }

    private String run(Path file) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(List.of(command, file.toString(), "stdout", "-l", "fra+eng", "--psm", "3", "tsv"));
        builder.environment().put("OMP_THREAD_LIMIT", "1"); // tesseract's threads only slow down a shared machine
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new OcrUnavailableException(
                    "reading screenshots needs Tesseract: install tesseract-ocr, tesseract-ocr-fra and tesseract-ocr-eng",
                    e);
        }
        process.getOutputStream().close();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new BadInputException(
                        "ocr.timeout",
                        "reading the image took longer than " + limits.timeout().toSeconds() + " s");
            }
            byte[] tsv = output.get(5, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new BadInputException("image.unreadable", "Tesseract could not read the image");
            }
            return new String(tsv, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading an image", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new BadInputException("image.unreadable", "Tesseract's output could not be read");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
