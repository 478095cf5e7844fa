package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Identifier;
import fr.vigie.link.Explanations;
import fr.vigie.link.NeverReason;
import fr.vigie.render.IndicatorJson;
import fr.vigie.report.Indicator;
import fr.vigie.store.Store;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie lookup VALUE}: every report that names an identifier, its kind inferred and its value normalised. */
@Command(
        name = "lookup",
        description = "Find the reports that carry an identifier (IBAN, phone, e-mail, wallet, link…).")
final class LookupCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "VALUE", description = "the identifier as written; its kind is inferred")
    String value;

    @Option(names = "--json", description = "answer in JSON")
    boolean json;

    @Option(names = "--max", description = "reports listed at most (default: ${DEFAULT-VALUE})", defaultValue = "20")
    int max;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (max < 1 || max > 10_000) {
            err.println("vigie lookup: --max must be between 1 and 10000");
            return 2;
        }
        Config config = storeOptions.apply(Config.defaults());
        Optional<Identifier> parsed = new App(config).identifiers().parseAny(value);
        if (parsed.isEmpty()) {
            err.println("vigie lookup: not an identifier Vigie knows (IBAN, phone, e-mail, wallet, link, domain, IP…)");
            return 2;
        }
        Identifier id = parsed.get();
        try (Store store = Store.open(config)) {
            Indicator found = store.indicator(id, max);
            Optional<NeverReason> never =
                    App.linker(java.util.Set.of()).policy().neverReason(id, java.util.Set.of());
            Optional<String> why = never.map(reason -> Explanations.of(Lang.EN).never(id, reason));
            if (json) {
                out.println(IndicatorJson.of(found, never, why));
            } else {
                print(id, found, out);
                why.ifPresent(text -> out.println("  never links reports: " + text));
            }
            return 0;
        } catch (VigieException e) {
            err.println("vigie lookup: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
    }

    private static void print(Identifier id, Indicator found, PrintWriter out) {
        out.printf(Locale.ROOT, "%s %s%n", id.kind().id(), id.display());
        if (found.reportCount() == 0) {
            out.println("  in no report");
            return;
        }
        out.printf(
                Locale.ROOT,
                "  in %d report(s), %d victim(s), first seen %s, last seen %s%n",
                found.reportCount(),
                found.victims(),
                found.firstSeen().orElseThrow(),
                found.lastSeen().orElseThrow());
        found.lossesByCurrency()
                .forEach((currency, amount) ->
                        out.printf(Locale.ROOT, "  declared losses: %s %s%n", amount.toPlainString(), currency));
        out.println("  countries: " + String.join(", ", found.countries()));
        found.reports().forEach(r -> out.println("  " + r));
    }
}
