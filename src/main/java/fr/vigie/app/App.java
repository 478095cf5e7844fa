package fr.vigie.app;

import fr.vigie.InvalidDataFileException;
import fr.vigie.forensics.HeaderForensics;
import fr.vigie.forensics.SenderLists;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.identifier.ExtractOptions;
import fr.vigie.identifier.Identifiers;
import fr.vigie.model.Judgement;
import fr.vigie.model.ScamModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;

/**
 * The one wiring class: builds every part of Vigie from a {@link Config} with plain constructors. The command line
 * and the server ask it for what they need; nothing else constructs the parts.
 */
public final class App {
    /** Warning lists bundled with the application, by folder name under {@code lists/}. */
    public static final List<String> LISTS = List.of("freemail", "authority-names");

    private final Config config;
    private final Harmoniser harmoniser;
    private volatile ScamModel model;

    public App(Config config) {
        this.config = config;
        SenderLists senderLists = new SenderLists(
                new HashSet<>(DataResources.list("freemail").entries()),
                DataResources.list("authority-names").entries());
        Optional<PublicKeyRecordRetriever> dkimKeys =
                config.dns() ? Optional.of(new DNSPublicKeyRecordRetriever()) : Optional.empty();
        Identifiers identifiers = new Identifiers(
                new ExtractOptions(config.country(), config.limits().maxIdentifiers()));
        this.harmoniser = new Harmoniser(config.limits(), new HeaderForensics(senderLists, dkimKeys), identifiers);
    }

    public Config config() {
        return config;
    }

    public Harmoniser harmoniser() {
        return harmoniser;
    }

    /** The statistical model shipped in the application ({@value #MODEL}), read once on first use. */
    public ScamModel model() {
        ScamModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = readShippedModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    /**
     * The scorer that {@code vigie eval} measures: for now the shipped model alone (scam when P(scam) reaches its
     * threshold). The detector of rules and model replaces it here.
     */
    public Function<Harmonised, Judgement> scorer() {
        return model()::judge;
    }

    /** The shipped model's classpath location. */
    public static final String MODEL = "/fr/vigie/model/scam-model.vgm.gz";

    private static ScamModel readShippedModel() {
        try (InputStream in = App.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new InvalidDataFileException(MODEL, "is missing from the application");
            }
            return ScamModel.read(in);
        } catch (IOException e) {
            throw new InvalidDataFileException(MODEL, "cannot be read", e);
        }
    }

    /** Parses and validates every bundled data file; throws on the first problem, naming the file and entry. */
    public static int checkData() {
        LISTS.forEach(DataResources::list);
        return LISTS.size();
    }
}
