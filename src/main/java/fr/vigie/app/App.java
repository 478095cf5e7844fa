package fr.vigie.app;

import fr.vigie.InvalidDataFileException;
import fr.vigie.detect.AdviceBook;
import fr.vigie.detect.Detector;
import fr.vigie.detect.RuleEngine;
import fr.vigie.forensics.HeaderForensics;
import fr.vigie.forensics.SenderLists;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.identifier.ExtractOptions;
import fr.vigie.identifier.Identifiers;
import fr.vigie.link.LinkPolicy;
import fr.vigie.link.Linker;
import fr.vigie.link.NeverLink;
import fr.vigie.model.Judgement;
import fr.vigie.model.ScamModel;
import fr.vigie.ocr.Ocr;
import fr.vigie.orient.Router;
import fr.vigie.orient.RoutingTables;
import fr.vigie.render.CheckJson;
import fr.vigie.report.Intake;
import fr.vigie.rules.RuleSet;
import fr.vigie.rules.WarningList;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;

/**
 * The one wiring class: builds every part of Vigie from a {@link Config} with plain constructors. The command line
 * and the server ask it for what they need; nothing else constructs the parts.
 */
public final class App {
    /** The version a person or a program sees ({@code vigie --version}, {@code GET /health}); the pom's, kept equal by a test. */
    public static final String VERSION = "0.1.0";

    /** Warning lists bundled with the application, by folder name under {@code lists/}. */
    public static final List<String> LISTS = List.of(
            "freemail",
            "authority-names",
            "url-shorteners",
            "brand-domains",
            "never-link-platforms",
            "never-link-payments",
            "never-link-official",
            "never-link-resolvers");

    /**
     * The warning lists of values that never link reports (docs/LINKING.md), the shared ones reused as they are;
     * {@code freemail} names mail providers, whose whole addresses still link.
     */
    public static final List<String> NEVER_LINK_LISTS = List.of(
            "freemail",
            "url-shorteners",
            "brand-domains",
            "never-link-platforms",
            "never-link-payments",
            "never-link-official",
            "never-link-resolvers");

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

    /** Routing tables bundled with the application, under {@code orient/} (docs/ORIENTATION.md). */
    public static final List<String> ROUTING_TABLES = List.of(
            "universal.json",
            "general.json",
            "fr.json",
            "be.json",
            "ch.json",
            "ca.json",
            "sn.json",
            "ci.json",
            "ml.json",
            "ma.json");

    private final Config config;
    private final HeaderForensics forensics;
    private final Harmoniser harmoniser;
    private final Map<String, Harmoniser> harmonisersByCountry = new ConcurrentHashMap<>();
    private final RuleEngine ruleEngine;
    private final AdviceBook adviceBook;
    private final Router router;
    private volatile Detector detector;
    private final Ocr ocr = new Ocr();

    public App(Config config) {
        this.config = config;
        SenderLists senderLists = new SenderLists(
                new HashSet<>(DataResources.list("freemail").entries()),
                DataResources.list("authority-names").entries());
        Optional<PublicKeyRecordRetriever> dkimKeys =
                config.dns() ? Optional.of(new DNSPublicKeyRecordRetriever()) : Optional.empty();
        this.forensics = new HeaderForensics(senderLists, dkimKeys);
        this.harmoniser = newHarmoniser(config.country());
        this.ruleEngine = new RuleEngine(ruleSet());
        this.adviceBook = adviceBook();
        this.router = new Router(routingTables());
    }

    /** Orientation over the bundled routing tables. */
    public Router router() {
        return router;
    }

    /** The bundled routing tables, parsed and validated as one set (each call reads the files again). */
    public static RoutingTables routingTables() {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (String file : ROUTING_TABLES) {
            texts.put("orient/" + file, DataResources.text("orient/" + file));
        }
        return RoutingTables.parse(texts);
    }

    public Config config() {
        return config;
    }

    public Harmoniser harmoniser() {
        return harmoniser;
    }

    /**
     * A harmoniser reading national phone numbers as {@code country}'s (the server takes the country per request);
     * built once per country, so only ISO 3166 codes are accepted and the cache stays small.
     */
    public Harmoniser harmoniser(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        if (code.equals(config.country())) {
            return harmoniser;
        }
        if (!ISO_COUNTRIES.contains(code)) {
            throw new IllegalArgumentException("not an ISO 3166 country code: " + country);
        }
        return harmonisersByCountry.computeIfAbsent(code, this::newHarmoniser);
    }

    /**
     * A file as received: a screenshot (recognised by its first bytes) is read by OCR and analysed as the text it
     * shows; anything else is harmonised as bytes. OCR runs here, at the edge, because the core opens no process.
     */
    public Harmonised harmoniseFile(Harmoniser harmoniser, byte[] bytes) {
        return Ocr.isImage(bytes) ? harmoniser.harmoniseText(ocr.read(bytes)) : harmoniser.harmonise(bytes);
    }

    /** True for a two-letter ISO 3166 country code, in either case. */
    public static boolean isCountry(String code) {
        return code != null && ISO_COUNTRIES.contains(code.toUpperCase(Locale.ROOT));
    }

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private Harmoniser newHarmoniser(String country) {
        Identifiers identifiers =
                new Identifiers(new ExtractOptions(country, config.limits().maxIdentifiers()));
        return new Harmoniser(config.limits(), forensics, identifiers);
    }

    /** The red-flag rule engine over the bundled rules, compiled once. */
    public RuleEngine ruleEngine() {
        return ruleEngine;
    }

    /** The bundled rule set, parsed and validated (each call reads the files again). */
    public static RuleSet ruleSet() {
        return DataResources.rules(RULE_FILES, LISTS);
    }

    /** The bundled advice texts, parsed and validated. */
    public static AdviceBook adviceBook() {
        return AdviceBook.parse(ADVICE, DataResources.text(ADVICE));
    }

    /** Dossiers from {@code store}, dated by {@code clock}, red flags explained from the bundled rules. */
    public Dossiers dossiers(fr.vigie.store.Store store, java.time.Clock clock) {
        return new Dossiers(store, new fr.vigie.dossier.DossierWriter(clock, ruleEngine.ruleSet()), router);
    }

    /** Rules, model and advice together; the model is read on first use (well under a second). */
    public Detector detector() {
        Detector loaded = detector;
        if (loaded == null) {
            synchronized (this) {
                if (detector == null) {
                    detector = new Detector(ruleEngine, readShippedModel(), adviceBook);
                }
                loaded = detector;
            }
        }
        return loaded;
    }

    /** Identifier parsing and extraction with the configured default country. */
    public Identifiers identifiers() {
        return new Identifiers(
                new ExtractOptions(config.country(), config.limits().maxIdentifiers()));
    }

    /** What turns a submitted report into what the store keeps (each message analysed as {@code vigie check}). */
    public Intake intake() {
        return new Intake(
                harmoniser, detector(), (h, analysis, lang) -> CheckJson.line(CheckJson.of(h, analysis, lang)));
    }

    /** A detector with the shipped rules and advice around another model (evaluation of a candidate model). */
    public Detector detector(ScamModel model) {
        return new Detector(ruleEngine, model, adviceBook);
    }

    /** The statistical model shipped in the application. */
    public ScamModel model() {
        return detector().model();
    }

    /** The scorer that {@code vigie eval} measures: the whole detector, rules and model together. */
    public Function<Harmonised, Judgement> scorer() {
        Detector d = detector();
        return message -> d.judge(message);
    }

    /** The shipped model's classpath location. */
    public static final String MODEL = "/fr/vigie/model/scam-model.vgm.gz";

    /** The advice texts, under {@code fr/vigie/}. */
    public static final String ADVICE = "advice/advice.json";

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

    /**
     * Cross-referencing over the bundled never-link lists with the default thresholds.
     *
     * @param unitOwnValues the reporting unit's own values in normal form (its reporting addresses): never links
     */
    public static Linker linker(Set<String> unitOwnValues) {
        List<WarningList> lists =
                NEVER_LINK_LISTS.stream().map(DataResources::list).toList();
        return new Linker(new LinkPolicy(new NeverLink(lists, Set.of("freemail"), unitOwnValues)));
    }

    /** Parses and validates every bundled data file; throws on the first problem, naming the file and entry. */
    public static int checkData() {
        LISTS.forEach(DataResources::list);
        linker(Set.of());
        ruleSet();
        adviceBook();
        routingTables();
        return LISTS.size() + RULE_FILES.size() + 1 + ROUTING_TABLES.size();
    }
}
