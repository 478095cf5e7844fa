package fr.vigie.app;

import fr.vigie.forensics.HeaderForensics;
import fr.vigie.forensics.SenderLists;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.identifier.ExtractOptions;
import fr.vigie.identifier.Identifiers;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    /** Parses and validates every bundled data file; throws on the first problem, naming the file and entry. */
    public static int checkData() {
        LISTS.forEach(DataResources::list);
        return LISTS.size();
    }
}
