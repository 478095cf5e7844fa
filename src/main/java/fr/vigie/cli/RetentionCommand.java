package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.store.Retention;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie retention run} and {@code vigie retention hold|release REPORT --reason}. */
@Command(
        name = "retention",
        description = "Storage limitation: purge what is due, and legal holds that keep a report whole.",
        subcommands = {RetentionCommand.Run.class, RetentionCommand.Hold.class, RetentionCommand.Release.class})
final class RetentionCommand {
    @Command(
            name = "run",
            description = "Purge each class of data past its duration (VIGIE_RETENTION_IDENTITY, _EVIDENCE, _ANALYSIS, "
                    + "_STATISTICS; defaults P1Y, P5Y, P5Y, P10Y after the report's last activity).")
    static final class Run implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Retention.Policy policy = Retention.Policy.from(System.getenv());
                try (Reports reports = Reports.open(new App(storeOptions.apply(Config.defaults())))) {
                    Retention.Outcome o = reports.runRetention(policy, java.time.Instant.now());
                    out.printf(
                            "retention: %d identities, %d evidence sets, %d analyses purged; %d reports removed; "
                                    + "%d due but under legal hold%n",
                            o.identities(), o.evidence(), o.analyses(), o.removed(), o.held());
                }
                return 0;
            } catch (VigieException e) {
                err.println("vigie retention run: " + e.getMessage());
                return Main.UNREADABLE_INPUT;
            }
        }
    }

    abstract static class HoldChange implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Parameters(paramLabel = "REPORT", description = "the report's id (VG-…)")
        String report;

        @Option(names = "--reason", required = true, description = "why (kept in the audit log)")
        String reason;

        abstract boolean on();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return storeOptions.withStore(err, "retention", store -> {
                if (!store.subjects().hold(report, on(), Subcommands.actor(), reason)) {
                    err.println("vigie retention: no report " + report);
                    return Main.UNREADABLE_INPUT;
                }
                spec.commandLine().getOut().println(report + (on() ? " is under legal hold" : " is released"));
                return 0;
            });
        }
    }

    @Command(name = "hold", description = "Put a report under legal hold: nothing of it is purged or erased.")
    static final class Hold extends HoldChange {
        @Override
        boolean on() {
            return true;
        }
    }

    @Command(name = "release", description = "Release a report's legal hold.")
    static final class Release extends HoldChange {
        @Override
        boolean on() {
            return false;
        }
    }
}
