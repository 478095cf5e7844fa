package fr.vigie.cli;

import fr.vigie.InvalidDataFileException;
import fr.vigie.app.App;
import fr.vigie.orient.RoutingTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie routes check [DIR]}: validates the routing tables, the bundled ones or those an analyst edits. */
@Command(name = "routes", description = "Work with the routing tables.", subcommands = RoutesCommand.Check.class)
final class RoutesCommand {

    @Command(
            name = "check",
            description = "Validate the routing tables: every *.json of DIR (universal.json, general.json and one file"
                    + " per jurisdiction), or the bundled ones without DIR. Exit 1 names the file, entry and field.")
    static final class Check implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "a folder of routing tables")
        Path dir;

        @Override
        public Integer call() {
            try {
                RoutingTables tables = dir == null ? App.routingTables() : RoutingTables.parse(read(dir));
                spec.commandLine()
                        .getOut()
                        .println("vigie routes check: " + tables.size() + " routing tables valid ("
                                + String.join(", ", tables.jurisdictions()) + ", universal, general)");
                return 0;
            } catch (InvalidDataFileException e) {
                spec.commandLine().getErr().println("vigie routes check: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                spec.commandLine()
                        .getErr()
                        .println("vigie routes check: cannot read " + dir + " ("
                                + e.getClass().getSimpleName() + ")");
                return Main.UNREADABLE_INPUT;
            }
        }

        private static Map<String, String> read(Path dir) throws IOException {
            List<Path> files;
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .toList();
            }
            Map<String, String> texts = new LinkedHashMap<>();
            for (Path file : files) {
                texts.put(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            return texts;
        }
    }
}
