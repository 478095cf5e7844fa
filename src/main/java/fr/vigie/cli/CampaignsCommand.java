package fr.vigie.cli;

import fr.vigie.http.CampaignJson;
import fr.vigie.i18n.Lang;
import fr.vigie.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie campaigns}: the campaigns of the store, biggest first (or most recent, or costliest). */
@Command(name = "campaigns", description = "List the campaigns: reports joined by shared identifiers or templates.")
final class CampaignsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--sort", description = "size, recent or losses (default: ${DEFAULT-VALUE})", defaultValue = "size")
    String sort;

    @Option(
            names = "--limit",
            description = "campaigns listed at most (default: ${DEFAULT-VALUE})",
            defaultValue = "20")
    int limit;

    @Option(names = "--json", description = "one JSON object per campaign (JSON Lines)")
    boolean json;

    @Option(
            names = "--rebuild",
            description = "link every report again first (after a change of warning lists or thresholds)")
    boolean rebuild;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("size", "recent", "losses").contains(sort) || limit < 1 || limit > 10_000) {
            err.println("vigie campaigns: --sort is size, recent or losses; --limit 1-10000");
            return 2;
        }
        return storeOptions.withStore(err, "campaigns", store -> {
            if (rebuild) {
                long start = System.nanoTime();
                int linked = store.rebuildLinks();
                err.printf(
                        Locale.ROOT,
                        "vigie campaigns: %d reports linked again in %.1f s%n",
                        linked,
                        (System.nanoTime() - start) / 1e9);
            }
            List<Store.CampaignFigures> campaigns = store.campaigns(sort, limit, 0);
            if (campaigns.isEmpty() && !json) {
                out.println("no campaign yet: no two reports share an identifier or a template");
            }
            for (Store.CampaignFigures c : campaigns) {
                if (json) {
                    out.println(CampaignJson.of(c, Lang.EN, List.of(), false));
                } else {
                    out.printf(
                            Locale.ROOT,
                            "%-10s %6d reports %6d victims  %s → %s  %s  %s%n",
                            c.id(),
                            c.reportCount(),
                            c.victims(),
                            c.firstSeen().toString().substring(0, 10),
                            c.lastSeen().toString().substring(0, 10),
                            c.losses(),
                            c.schemes().keySet());
                }
            }
            return 0;
        });
    }
}
