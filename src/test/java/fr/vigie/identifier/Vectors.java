package fr.vigie.identifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the test-vector files of src/test/resources/identifier: one entry a line, fields split by " | ". */
final class Vectors {
    private Vectors() {}

    static List<String[]> read(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/identifier/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" \\| ", -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unescape(fields[i].strip());
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> list(String name, String list) {
        return read(name).stream().filter(row -> row[0].equals(list)).toList();
    }

    /** {@code \xNN} is the character with code NN, so vectors can hold spaces and non-ASCII. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            if (field.startsWith("\\x", i) && i + 4 <= field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(field.charAt(i));
            }
        }
        return out.toString();
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
