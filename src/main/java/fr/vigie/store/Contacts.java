package fr.vigie.store;

import fr.vigie.report.Contact;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code reporter} table: a reporter's contact sealed under its own data key (see {@link KeyRing}), found by
 * keyed hashes of its e-mail address and phone number. Rows from before encryption ({@code master_id} NULL) hold
 * the fields in clear and are read as they are.
 */
final class Contacts {
    private final KeyRing keys;
    private final Secrets secrets;
    private final boolean sealing;

    Contacts(KeyRing keys, Secrets secrets, boolean sealing) {
        this.keys = keys;
        this.secrets = secrets;
        this.sealing = sealing;
    }

    static final String INSERT = """
            INSERT INTO reporter (id, name, email, phone, created_at, sealed, wrapped_key, master_id, email_hash,
                phone_hash)
            VALUES (:id, :name, :email, :phone, :at, :sealed, :wrapped, :master, :emailHash, :phoneHash)""";

    /** Binds a reporter row for {@link #INSERT}. */
    void bind(
            org.jdbi.v3.core.statement.SqlStatement<?> statement,
            String id,
            Contact c,
            String country,
            OffsetDateTime at) {
        statement.bind("id", id).bind("at", at);
        bindFields(statement, id, c, country);
    }

    private void bindFields(
            org.jdbi.v3.core.statement.SqlStatement<?> statement, String id, Contact c, String country) {
        statement
                .bind(
                        "emailHash",
                        c.email()
                                .map(e -> secrets.lookupHash("email", email(e)))
                                .orElse(null))
                .bind(
                        "phoneHash",
                        c.phone()
                                .map(p -> secrets.lookupHash("phone", phone(p, country)))
                                .orElse(null));
        if (sealing) {
            KeyRing.Sealed sealed = keys.seal(encode(c), "reporter:" + id);
            statement
                    .bind("name", (String) null)
                    .bind("email", (String) null)
                    .bind("phone", (String) null)
                    .bind("sealed", sealed.ciphertext())
                    .bind("wrapped", sealed.wrappedKey())
                    .bind("master", sealed.masterId());
        } else {
            statement
                    .bind("name", c.name().orElse(null))
                    .bind("email", c.email().orElse(null))
                    .bind("phone", c.phone().orElse(null))
                    .bind("sealed", (byte[]) null)
                    .bind("wrapped", (byte[]) null)
                    .bind("master", (String) null);
        }
    }

    /** Replaces a reporter's contact (rectification), sealed under a new data key. */
    void rewrite(Handle h, String id, Contact c, String country) {
        var update = h.createUpdate("""
                UPDATE reporter SET name = :name, email = :email, phone = :phone, sealed = :sealed,
                    wrapped_key = :wrapped, master_id = :master, email_hash = :emailHash, phone_hash = :phoneHash
                WHERE id = :id""").bind("id", id);
        bindFields(update, id, c, country);
        update.execute();
    }

    /** The contact of reporter {@code id}, opened; empty if there is no such row (erased, or never given). */
    Optional<Contact> read(Handle h, String id) {
        return h.createQuery(
                        "SELECT id, name, email, phone, sealed, wrapped_key, master_id FROM reporter WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> contact(rs))
                .findOne();
    }

    /**
     * The contacts of these reporters, opened, in one query (a rebuild of the links reads a page of reports at a
     * time: one query per report was most of its time).
     */
    Map<String, Contact> readAll(Handle h, Collection<String> ids) {
        Map<String, Contact> found = new HashMap<>();
        if (!ids.isEmpty()) {
            h.createQuery("SELECT id, name, email, phone, sealed, wrapped_key, master_id FROM reporter"
                            + " WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids))
                    .map((rs, ctx) -> Map.entry(rs.getString("id"), contact(rs)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    private Contact contact(java.sql.ResultSet rs) throws java.sql.SQLException {
        String master = rs.getString("master_id");
        if (master == null) {
            return new Contact(
                    Optional.ofNullable(rs.getString("name")),
                    Optional.ofNullable(rs.getString("email")),
                    Optional.ofNullable(rs.getString("phone")));
        }
        KeyRing.Sealed sealed = new KeyRing.Sealed(rs.getBytes("sealed"), rs.getBytes("wrapped_key"), master);
        return decode(keys.open(sealed, "reporter:" + rs.getString("id")));
    }

    /** An e-mail address as it is looked up. */
    static String email(String written) {
        return written.strip().toLowerCase(Locale.ROOT);
    }

    /** A phone number as it is looked up: E.164 when it parses (national numbers read as {@code country}'s). */
    static String phone(String written, String country) {
        return fr.vigie.identifier.Phone.parse(written, country.strip())
                .map(p -> p.normalized())
                .orElseGet(() -> written.replaceAll("[^0-9+]", ""));
    }

    private static byte[] encode(Contact c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Optional<String> field : new Optional[] {c.name(), c.email(), c.phone()}) {
                out.writeBoolean(field.isPresent());
                out.writeUTF(field.orElse(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Contact decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            Optional<String>[] fields = new Optional[3];
            for (int i = 0; i < 3; i++) {
                boolean present = in.readBoolean();
                String value = in.readUTF();
                fields[i] = present ? Optional.of(value) : Optional.empty();
            }
            return new Contact(fields[0], fields[1], fields[2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
