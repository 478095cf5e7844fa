package fr.vigie.harmonise;

import fr.vigie.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Splits an mbox stream into messages one at a time, so a mailbox of any size is read in the memory of its
 * largest message. A message over {@link Limits#maxMessageBytes()} is skipped and handed back as an error entry;
 * the ones after it are still read. {@code >From } quoting (mboxrd) is undone.
 */
public final class Mbox implements Iterator<Mbox.Entry> {

    /** The n-th message (1-based): its bytes, or why it was refused. */
    public record Entry(int number, byte[] bytes, BadInputException error) {}

    private final InputStream in;
    private final Limits limits;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private byte[] pendingLine;
    private boolean lineOverflowed; // the last line read was longer than a whole message may be
    private boolean eof;
    private int number;
    private Entry next;

    public Mbox(InputStream in, Limits limits) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 65536);
        this.limits = limits;
    }

    /** True when the bytes start with an mbox separator line. */
    public static boolean looksLikeMbox(byte[] head) {
        return head.length >= 5
                && head[0] == 'F'
                && head[1] == 'r'
                && head[2] == 'o'
                && head[3] == 'm'
                && head[4] == ' ';
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readMessage();
        }
        return next != null;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry entry = next;
        next = null;
        return entry;
    }

    private Entry readMessage() {
        ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
        boolean tooLarge = false;
        boolean started = false;
        boolean previousBlank = true;
        byte[] current;
        while ((current = nextLine()) != null) {
            boolean separator = previousBlank && startsWithFrom(current, 0);
            if (separator) {
                if (started) {
                    pendingLine = current;
                    break;
                }
                started = true;
                previousBlank = false;
                continue;
            }
            started = true;
            previousBlank = isBlank(current);
            tooLarge |= lineOverflowed;
            if (tooLarge) {
                continue;
            }
            int skip = isQuotedFrom(current) ? 1 : 0;
            if (message.size() + current.length - skip > limits.maxMessageBytes()) {
                tooLarge = true;
                message = new ByteArrayOutputStream(0);
                continue;
            }
            message.write(current, skip, current.length - skip);
        }
        if (!started) {
            return null;
        }
        number++;
        if (tooLarge) {
            return new Entry(
                    number,
                    null,
                    MimeReader.limit(
                            "maxMessageBytes",
                            "message " + number + " is larger than " + limits.maxMessageBytes() + " bytes"));
        }
        return new Entry(number, message.toByteArray(), null);
    }

    /** The next line with its line ending, or null at the end of the stream. */
    private byte[] nextLine() {
        if (pendingLine != null) {
            byte[] p = pendingLine;
            pendingLine = null;
            return p;
        }
        if (eof) {
            return null;
        }
        line.reset();
        lineOverflowed = false;
        try {
            int b;
            while ((b = in.read()) != -1) {
                if (line.size() <= limits.maxMessageBytes()) {
                    line.write(b);
                } else {
                    lineOverflowed = true;
                }
                if (b == '\n') {
                    return line.toByteArray();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the mailbox", e);
        }
        eof = true;
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static boolean startsWithFrom(byte[] l, int at) {
        return l.length >= at + 5
                && l[at] == 'F'
                && l[at + 1] == 'r'
                && l[at + 2] == 'o'
                && l[at + 3] == 'm'
                && l[at + 4] == ' ';
    }

    private static boolean isQuotedFrom(byte[] l) {
        int i = 0;
        while (i < l.length && l[i] == '>') {
            i++;
        }
        return i > 0 && startsWithFrom(l, i);
    }

    private static boolean isBlank(byte[] l) {
        return l.length == 0 || (l.length == 1 && l[0] == '\n') || (l.length == 2 && l[0] == '\r' && l[1] == '\n');
    }
}
