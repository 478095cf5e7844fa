package fr.vigie.cli;

import fr.vigie.VigieException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.app.Dossiers;
import fr.vigie.i18n.Lang;
import fr.vigie.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie dossier ID}: a report's complaint dossier ({@code VG-…}) or a campaign's investigation dossier
 * ({@code C-…}) as a PDF file.
 */
@Command(
        name = "dossier",
        description = "Write the PDF dossier of a report (VG-…, for its victim) or of a campaign (C-…, for an"
                + " investigator).")
final class DossierCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "ID", description = "a report id (VG-…) or a campaign id (C-…)")
    String id;

    @Option(
            names = "--lang",
            paramLabel = "fr|en",
            description = "the dossier's language (default: the report's; fr for a campaign)")
    String lang;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the PDF (default: dossier-ID.pdf)")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Lang> chosen = Optional.ofNullable(lang).flatMap(Lang::fromId);
        if (lang != null && chosen.isEmpty()) {
            err.println("vigie dossier: --lang is fr or en");
            return 2;
        }
        Path file = out != null ? out : Path.of("dossier-" + id.replaceAll("[^A-Za-z0-9-]", "_") + ".pdf");
        Config config = storeOptions.apply(Config.defaults());
        try (Store store = Store.open(config)) {
            Dossiers dossiers = new App(config).dossiers(store, Clock.systemUTC());
            boolean written;
            if (Dossiers.isCampaign(id)) {
                var dossier = dossiers.campaign(id);
                written = dossier.isPresent()
                        && write(file, o -> dossiers.write(dossier.get(), chosen.orElse(Lang.FR), o));
            } else {
                var dossier = dossiers.victim(id, chosen);
                written = dossier.isPresent()
                        && write(
                                file,
                                o -> dossiers.write(
                                        dossier.get(),
                                        chosen.orElse(dossier.get()
                                                .report()
                                                .situation()
                                                .lang()),
                                        o));
            }
            if (!written) {
                err.println("vigie dossier: no report or campaign " + id + " in the store");
                return Main.UNREADABLE_INPUT;
            }
            spec.commandLine().getOut().println(file);
            return 0;
        } catch (IOException e) {
            err.println("vigie dossier: " + file + " cannot be written ("
                    + e.getClass().getSimpleName() + ")");
            return Main.UNREADABLE_INPUT;
        } catch (VigieException e) {
            err.println("vigie dossier: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Written beside the file, then moved over it: a failed run leaves no half PDF. */
    private static boolean write(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, ".dossier-", ".part");
        try {
            try (OutputStream o = Files.newOutputStream(partial)) {
                body.writeTo(o);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
