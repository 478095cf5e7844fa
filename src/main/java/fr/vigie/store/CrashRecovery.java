package fr.vigie.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.DataUtils;

/**
 * Makes H2 find its last commit after a crash.
 *
 * <p>H2 writes each commit of the embedded store as a "chunk" and, on an unclean start, finds the newest chunk from
 * the file header, the chunk at the end of the file, and each chunk's guess of where the next one will go. When a
 * chunk lands somewhere else than guessed (in reused space in the middle of the file), H2 2.5 rewrites the header
 * naming the chunk before it, not the new one: the chain from the header then stops short, and the start after a
 * kill -9 silently goes back to an older chunk. Every commit after it is lost, although its chunk is complete in the
 * file (found in CrashDurabilityTest: the last acknowledged reports missing, their chunks intact). Before H2 opens a
 * file that was not closed cleanly, this looks for the newest complete chunk (its header and its checksummed footer
 * agree) and, when it is newer than the header says, points the header at it. H2 then checks that chunk as usual and
 * falls back by itself if something it references is unreadable. A clean file is not read at all.
 */
final class CrashRecovery {
    private static final int BLOCK = 4096;
    private static final int FOOTER = 128;

    private CrashRecovery() {}

    /** What was repaired: the header named {@code headerVersion}; the file's newest complete chunk is {@code found}. */
    record Repair(long headerVersion, long found) {}

    /** Points the header of the H2 file {@code file} at its newest complete chunk if it names an older one. */
    static Optional<Repair> repair(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < 3L * BLOCK) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = lock(channel)) {
            if (lock == null) {
                return Optional.empty(); // open in another process (or this one): H2 refuses it with its own message
            }
            byte[] headerBlock = read(channel, 0, BLOCK);
            Map<String, String> header = checksummed(headerBlock);
            if (header == null || "1".equals(header.get("clean")) || !header.containsKey("version")) {
                return Optional.empty(); // unreadable (H2 has its own recovery for that) or closed cleanly
            }
            long headerVersion = Long.parseLong(header.get("version"), 16);
            Chunk newest = newestCompleteChunk(channel);
            if (newest == null || newest.version() <= headerVersion) {
                return Optional.empty();
            }
            header.remove("fletcher");
            header.put("block", Long.toHexString(newest.block()));
            header.put("chunk", Integer.toHexString(newest.id()));
            header.put("version", Long.toHexString(newest.version()));
            writeHeader(channel, header);
            channel.force(true);
            return Optional.of(new Repair(headerVersion, newest.version()));
        }
    }

    /** H2's own lock on the file (it takes the same one when it opens it), or null when someone holds it. */
    private static FileLock lock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private record Chunk(int id, long block, long version) {}

    /** Every block that starts with a chunk header whose footer, {@code len} blocks further, agrees with it. */
    private static Chunk newestCompleteChunk(FileChannel channel) throws IOException {
        long blocks = channel.size() / BLOCK;
        Chunk newest = null;
        ByteBuffer window = ByteBuffer.allocate(256 * BLOCK);
        for (long first = 2; first < blocks; first += window.capacity() / BLOCK) {
            window.clear();
            long position = first * BLOCK;
            while (window.hasRemaining() && channel.read(window, position + window.position()) > 0) {}
            int inWindow = window.position() / BLOCK;
            for (int i = 0; i < inWindow; i++) {
                if (window.get(i * BLOCK) != 'c') {
                    continue; // the cheap test first: a chunk header starts "chunk:"
                }
                Chunk chunk = chunkAt(channel, window.array(), i * BLOCK, first + i, blocks);
                if (chunk != null && (newest == null || chunk.version() > newest.version())) {
                    newest = chunk;
                }
            }
        }
        return newest;
    }

    private static Chunk chunkAt(FileChannel channel, byte[] bytes, int offset, long block, long blocks)
            throws IOException {
        Map<String, String> head = fields(line(bytes, offset, BLOCK));
        if (head == null || !head.containsKey("len") || !head.containsKey("version") || !head.containsKey("chunk")) {
            return null;
        }
        try {
            long length = Long.parseLong(head.get("len"), 16);
            if (length <= 0 || block + length > blocks) {
                return null;
            }
            Map<String, String> foot = checksummed(read(channel, (block + length) * BLOCK - FOOTER, FOOTER));
            if (foot == null
                    || !head.get("chunk").equals(foot.get("chunk"))
                    || !head.get("len").equals(foot.get("len"))
                    || !head.get("version").equals(foot.get("version"))) {
                return null;
            }
            return new Chunk(Integer.parseInt(head.get("chunk"), 16), block, Long.parseLong(head.get("version"), 16));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The printable text at {@code offset}, up to the first control byte (H2 ends its header lines with one). */
    private static String line(byte[] bytes, int offset, int max) {
        int end = offset;
        while (end < offset + max && end < bytes.length && bytes[end] >= 32 && bytes[end] < 127) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1).strip();
    }

    /** The fields of a {@code key:value,...} line as H2's own parser reads them; null when it is not one. */
    private static Map<String, String> fields(String line) {
        if (!line.startsWith("chunk:") && !line.startsWith("H:")) {
            return null;
        }
        try {
            return DataUtils.parseMap(line);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The fields of a line that ends with a Fletcher-32 checksum of what precedes it; null when it does not match. */
    private static Map<String, String> checksummed(byte[] bytes) {
        String line = line(bytes, 0, bytes.length);
        int at = line.lastIndexOf(",fletcher:");
        Map<String, String> fields = fields(line);
        if (at < 0 || fields == null) {
            return null;
        }
        try {
            int expected = (int) Long.parseLong(fields.get("fletcher"), 16);
            return DataUtils.getFletcher32(bytes, 0, at) == expected ? fields : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Both copies of the header, as H2 writes them: the fields, their checksum, a newline. */
    private static void writeHeader(FileChannel channel, Map<String, String> fields) throws IOException {
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) ->
                text.append(text.isEmpty() ? "" : ",").append(key).append(':').append(value));
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        text.append(",fletcher:")
                .append(Integer.toHexString(DataUtils.getFletcher32(bytes, 0, bytes.length)))
                .append('\n');
        byte[] line = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer both = ByteBuffer.allocate(2 * BLOCK);
        both.put(line).position(BLOCK);
        both.put(line).rewind();
        while (both.hasRemaining()) {
            channel.write(both, both.position());
        }
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {}
        return buffer.array();
    }
}
