package fr.vigie.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection that sends GETs and reads each whole answer, for the closed-loop benches. The
 * benches run client and server in one process on the same cores, so the client must cost little beside the server
 * it measures: the JDK's {@code HttpClient} (a selector thread, futures and a body subscriber per request) took a
 * large share of the 2 cores of the machine the targets are set for. This one is a blocking socket, a request line
 * written in one go, and the answer's headers read for its length. Not thread-safe: one per client.
 */
final class KeepAlive implements AutoCloseable {
    private static final int TIMEOUT_MS = 10_000;
    private static final int MAX_LINE = 16 * 1024;

    private final String host;
    private final int port;
    private final byte[] line = new byte[MAX_LINE];
    private final byte[] skip = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAlive(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() == -1 ? 80 : base.getPort();
    }

    /**
     * Sends {@code GET path} and reads the whole answer; its status code. An answer that ends the connection, or a
     * failure, closes it (the next request opens a new one).
     *
     * @param authorization the Authorization header's value, or null
     */
    int get(String path, String authorization) throws IOException {
        try {
            if (socket == null) {
                open();
            }
            StringBuilder request = new StringBuilder(160)
                    .append("GET ")
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(host)
                    .append(':')
                    .append(port)
                    .append("\r\n");
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return answer();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private int answer() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP/1.x status line");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean last = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> last = value.contains("close");
                default -> {}
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                discard(size);
                readLine(); // the CRLF after the chunk
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            discard(length);
        } else {
            while (in.read(skip) >= 0) {
                // the body ends with the connection
            }
            last = true;
        }
        if (last) {
            close();
        }
        return code;
    }

    private long chunkSize() throws IOException {
        String size = readLine();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    }

    private void discard(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            int n = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (n < 0) {
                throw new EOFException("the answer ended early");
            }
            left -= n;
        }
    }

    /** One header line without its CRLF (ISO-8859-1). */
    private String readLine() throws IOException {
        int n = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (n == line.length) {
                throw new IOException("a header line longer than " + MAX_LINE + " bytes");
            }
            line[n++] = (byte) b;
        }
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(TIMEOUT_MS);
            s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = s.getOutputStream();
            socket = s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a loopback socket: nothing to do about a failure
            }
            socket = null;
        }
    }
}
