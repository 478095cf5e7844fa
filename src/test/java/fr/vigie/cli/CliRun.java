package fr.vigie.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code vigie} command line in this JVM: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
    static CliRun vigie(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
