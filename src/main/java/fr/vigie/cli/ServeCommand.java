package fr.vigie.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code vigie serve}: the HTTP server and the report store come with the store issue; the command exists now. */
@Command(name = "serve", description = "Run the Vigie server on the embedded store (coming with the report store).")
final class ServeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine()
                .getOut()
                .println(
                        "vigie serve: the server and its report store are not built yet; `vigie check FILE` analyses a message now.");
        return 0;
    }
}
