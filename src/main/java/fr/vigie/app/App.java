package fr.vigie.app;

import fr.vigie.detect.RuleEngine;
import fr.vigie.forensics.HeaderForensics;
import fr.vigie.forensics.SenderLists;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.identifier.ExtractOptions;
import fr.vigie.identifier.Identifiers;
import fr.vigie.rules.RuleSet;
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
    public static final List<String> LISTS = List.of("freemail", "authority-names", "url-shorteners", "brand-domains");

    /** Red-flag rule files bundled with the application, under {@code rules/} (docs/RULES.md). */
    public static final List<String> RULE_FILES = List.of(
            "groups.json",
            "composites.json",
            "fake_authority.json",
            "sextortion.json",
            "romance.json",
            "recovery.json",
            "advance_fee.json",
            "lottery.json",
            "phishing.json",
            "delivery.json",
            "bank_impersonation.json",
            "tech_support.json",
            "investment.json",
            "job.json",
            "payment.json",
            "pressure.json",
            "sender.json",
            "links.json");

    private final Config config;
    private final Harmoniser harmoniser;
    private final RuleEngine ruleEngine;

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
        this.ruleEngine = new RuleEngine(ruleSet());
    }

    public Config config() {
        return config;
    }

    public Harmoniser harmoniser() {
        return harmoniser;
    }

    /** The red-flag rule engine over the bundled rules, compiled once. */
    public RuleEngine ruleEngine() {
        return ruleEngine;
    }

    /** The bundled rule set, parsed and validated (each call reads the files again). */
    public static RuleSet ruleSet() {
        return DataResources.rules(RULE_FILES, LISTS);
    }

    /** Parses and validates every bundled data file; throws on the first problem, naming the file and entry. */
    public static int checkData() {
        LISTS.forEach(DataResources::list);
        ruleSet();
        return LISTS.size() + RULE_FILES.size();
    }
}
