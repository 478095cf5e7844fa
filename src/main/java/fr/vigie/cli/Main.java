package fr.vigie.cli;

import fr.vigie.app.App;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code vigie} command. Exit codes: 0 done, 1 internal error, 2 usage error, 3 unreadable input, 4 refused
 * by the authorization table ({@link CommandGate}: no API key, or one whose role may not).
 * No stack trace ever reaches the user (set {@code VIGIE_DEBUG=1} to see one).
 */
@Command(
        name = "vigie",
        mixinStandardHelpOptions = true,
        version = "vigie " + App.VERSION,
        description = "Harmonise, analyse, cross-reference and orient reports of online scams.",
        subcommands = {
            CheckCommand.class,
            ServeCommand.class,
            RulesCommand.class,
            RoutesCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            TuneCommand.class,
            ImportCommand.class,
            IndexCommand.class,
            LookupCommand.class,
            GenerateCommand.class,
            CampaignsCommand.class,
            UsersCommand.class,
            ApiKeysCommand.class,
            AuditCommand.class,
            KeysCommand.class,
            RetentionCommand.class,
            SubjectCommand.class,
            DossierCommand.class
        })
public final class Main {
    static final int UNREADABLE_INPUT = 3;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** The same with the environment given (where a command's API key is read: {@link CommandGate}). */
    static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionStrategy(new CommandGate(fr.vigie.access.Permissions.bundled(), env)::execute);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine
                    .getErr()
                    .println("vigie: internal error (" + e.getClass().getSimpleName() + ")");
            if (System.getenv("VIGIE_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }
}
