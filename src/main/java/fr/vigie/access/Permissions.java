package fr.vigie.access;

import fr.vigie.InvalidDataFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization table ({@code permissions.tsv}): every HTTP route and every command, with the roles that may
 * use it. It is the one source of truth: the server wraps each route in its entry and refuses to start when a
 * route has none, and a test runs every route with every role and compares the answers with it.
 *
 * <p>One entry a line, tab-separated: {@code route METHOD /path roles} or {@code command - name roles}; roles are
 * comma-separated role ids, or {@code anyone} (no credentials needed). {@code victim} means the follow-up token of
 * the report named by the path's {@code {id}}. Commands run with the data folder's own access (whoever can read the
 * store key): their roles say who should be given that access, they are not checked at run time. Immutable.
 */
public final class Permissions {
    public static final String RESOURCE = "/fr/vigie/access/permissions.tsv";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    /** One line of the table. {@code roles} is empty when {@code anyone} may. */
    public record Entry(String kind, String method, String target, boolean anyone, Set<Role> roles) {
        /** Whether this role may use it ({@code anyone} lets every role in). */
        public boolean allows(Role role) {
            return anyone || roles.contains(role);
        }
    }

    private final Map<String, Entry> routes;
    private final Map<String, Entry> commands;

    private Permissions(Map<String, Entry> routes, Map<String, Entry> commands) {
        this.routes = routes;
        this.commands = commands;
    }

    /** The bundled table, read and validated. */
    public static Permissions bundled() {
        try (InputStream in = Permissions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new InvalidDataFileException(RESOURCE, "is missing from the application");
            }
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidDataFileException(RESOURCE, "cannot be read", e);
        }
    }

    /**
     * Reads and validates a table: four columns, a known kind, method and roles, a path that starts with {@code /},
     * no entry twice, no role twice, {@code anyone} alone, {@code victim} only on a path with an {@code {id}}.
     *
     * @throws InvalidDataFileException naming the file, the line and the problem
     */
    public static Permissions parse(String file, String text) {
        Map<String, Entry> routes = new LinkedHashMap<>();
        Map<String, Entry> commands = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + (i + 1);
            String[] cols = lines[i].strip().split("\t");
            if (cols.length != 4) {
                throw new InvalidDataFileException(file, where + ": four tab-separated columns are needed");
            }
            String kind = cols[0];
            String method = cols[1];
            String target = cols[2];
            boolean anyone = cols[3].equals("anyone");
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            if (!anyone) {
                for (String id : cols[3].split(",")) {
                    Role role = Role.fromId(id.strip())
                            .orElseThrow(() ->
                                    new InvalidDataFileException(file, where + ": unknown role '" + id.strip() + "'"));
                    if (!roles.add(role)) {
                        throw new InvalidDataFileException(file, where + ": role " + role.id() + " twice");
                    }
                }
            }
            Entry entry = new Entry(kind, method, target, anyone, Set.copyOf(roles));
            switch (kind) {
                case "route" -> {
                    if (!METHODS.contains(method)) {
                        throw new InvalidDataFileException(file, where + ": unknown method '" + method + "'");
                    }
                    if (!target.startsWith("/")) {
                        throw new InvalidDataFileException(file, where + ": a route's path starts with /");
                    }
                    if (roles.contains(Role.VICTIM) && !target.contains("{id}")) {
                        throw new InvalidDataFileException(
                                file, where + ": victim needs the report's {id} in the path");
                    }
                    if (routes.put(method + " " + target, entry) != null) {
                        throw new InvalidDataFileException(file, where + ": " + method + " " + target + " twice");
                    }
                }
                case "command" -> {
                    if (!method.equals("-")) {
                        throw new InvalidDataFileException(file, where + ": a command's method column is '-'");
                    }
                    if (roles.contains(Role.VICTIM)) {
                        throw new InvalidDataFileException(file, where + ": a victim runs no command");
                    }
                    if (commands.put(target, entry) != null) {
                        throw new InvalidDataFileException(file, where + ": command '" + target + "' twice");
                    }
                }
                default ->
                    throw new InvalidDataFileException(file, where + ": kind must be route or command, not " + kind);
            }
        }
        return new Permissions(Map.copyOf(routes), Map.copyOf(commands));
    }

    /** The entry of a route, by its method and its path template ({@code /api/reports/{id}}). */
    public Optional<Entry> route(String method, String path) {
        return Optional.ofNullable(routes.get(method + " " + path));
    }

    /** The entry of a command, by its full name ({@code users add}). */
    public Optional<Entry> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** Every route, as {@code METHOD /path}. */
    public Set<String> routes() {
        return routes.keySet();
    }

    /** Every command name. */
    public Set<String> commands() {
        return commands.keySet();
    }

    /**
     * Checks that the routes a server registers are exactly the table's: a route without an entry would be open to
     * nobody knows whom, an entry without a route is a mistake in the table.
     *
     * @throws InvalidDataFileException naming the routes missing on either side
     */
    public void requireExactly(List<String> registered) {
        List<String> missing = new ArrayList<>(registered);
        missing.removeAll(routes.keySet());
        List<String> stale = new ArrayList<>(routes.keySet());
        stale.removeAll(registered);
        if (!missing.isEmpty()) {
            throw new InvalidDataFileException(RESOURCE, "has no entry for the routes " + sorted(missing));
        }
        if (!stale.isEmpty()) {
            throw new InvalidDataFileException(RESOURCE, "names routes the server does not have: " + sorted(stale));
        }
    }

    private static String sorted(List<String> names) {
        String[] a = names.toArray(String[]::new);
        Arrays.sort(a);
        return String.join(", ", a);
    }
}
