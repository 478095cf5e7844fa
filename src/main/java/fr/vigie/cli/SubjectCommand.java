package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Reports;
import fr.vigie.report.Contact;
import fr.vigie.store.Subjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie subject export|rectify|erase}: requests of data subjects (GDPR art. 15–17), each audited. */
@Command(
        name = "subject",
        description = "Requests of data subjects: export, rectify, erase (found by --email, --phone or --report).",
        subcommands = {SubjectCommand.Export.class, SubjectCommand.Rectify.class, SubjectCommand.Erase.class})
final class SubjectCommand {
    static final class Who {
        @Option(names = "--email", description = "the reporter's e-mail address")
        String email;

        @Option(names = "--phone", description = "the reporter's phone number (national numbers read as French)")
        String phone;

        @Option(names = "--report", description = "one of the reporter's reports (VG-…)")
        String report;
    }

    abstract static class Request implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Option(names = "--reason", required = true, description = "why (kept in the audit log)")
        String reason;

        abstract int run(Reports reports, List<String> found, PrintWriter out) throws IOException;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (Reports reports = Reports.open(new App(storeOptions.apply(Config.defaults())))) {
                Subjects.By by = who.email != null
                        ? Subjects.By.EMAIL
                        : who.phone != null ? Subjects.By.PHONE : Subjects.By.REPORT;
                String value = who.email != null ? who.email : who.phone != null ? who.phone : who.report;
                List<String> found = reports.store().subjects().find(by, value);
                if (found.isEmpty()) {
                    err.println("vigie subject: no report matches this data subject");
                    return Main.UNREADABLE_INPUT;
                }
                return run(reports, found, spec.commandLine().getOut());
            } catch (VigieException e) {
                err.println("vigie subject: " + e.getMessage());
                return Main.UNREADABLE_INPUT;
            } catch (IOException e) {
                err.println("vigie subject: the archive cannot be written ("
                        + e.getClass().getSimpleName() + ")");
                return Main.UNREADABLE_INPUT;
            }
        }
    }

    @Command(name = "export", description = "Everything held about one reporter, as one zip (JSON and evidence).")
    static final class Export extends Request {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the zip to write")
        Path out;

        @Override
        int run(Reports reports, List<String> found, PrintWriter printer) throws IOException {
            byte[] zip = reports.store().subjects().export(found, Subcommands.actor(), reason);
            Files.write(out, zip);
            printer.println(found.size() + " reports exported to " + out);
            return 0;
        }
    }

    @Command(name = "rectify", description = "Replace the reporter's contact fields that are given.")
    static final class Rectify extends Request {
        @Option(names = "--new-name", description = "the corrected name")
        String name;

        @Option(names = "--new-email", description = "the corrected e-mail address")
        String email;

        @Option(names = "--new-phone", description = "the corrected phone number")
        String phone;

        @Override
        int run(Reports reports, List<String> found, PrintWriter out) {
            Contact changes =
                    new Contact(Optional.ofNullable(name), Optional.ofNullable(email), Optional.ofNullable(phone));
            if (changes.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("vigie subject rectify: give --new-name, --new-email or --new-phone");
                return 2;
            }
            int changed = reports.store().subjects().rectify(found, changes, Subcommands.actor(), reason);
            out.println(changed + " contacts rectified");
            return 0;
        }
    }

    @Command(name = "erase", description = "Erase identity, contact, evidence and narrative (not under legal hold).")
    static final class Erase extends Request {
        @Override
        int run(Reports reports, List<String> found, PrintWriter out) {
            Subjects.Erasure erasure = reports.erase(found, Subcommands.actor(), reason);
            out.println(erasure.erased().size() + " reports erased"
                    + (erasure.held().isEmpty()
                            ? ""
                            : "; kept under legal hold: " + String.join(", ", erasure.held())));
            return 0;
        }
    }
}
