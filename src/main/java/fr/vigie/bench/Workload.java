package fr.vigie.bench;

import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Domain;
import fr.vigie.identifier.Email;
import fr.vigie.identifier.Eth;
import fr.vigie.identifier.Iban;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Phone;
import fr.vigie.identifier.Url;
import fr.vigie.report.Channel;
import fr.vigie.report.Contact;
import fr.vigie.report.Loss;
import fr.vigie.report.NewReport;
import fr.vigie.report.PaymentMethod;
import fr.vigie.report.Situation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Synthetic reports for scale tests ({@code vigie generate}), with the skew of real reporting:
 *
 * <ul>
 *   <li>campaigns whose sizes follow a power law ({@code P(size ≥ s) = s^-1.3}, at most {@link #MAX_CAMPAIGN}
 *       reports): most have one or two reports, a few hundred thousand reports hold a few of several thousand;
 *       their reports are drawn from a bag of pending reports, so campaigns overlap in time as waves do;
 *   <li>each campaign has its own pool of identifiers (mule IBANs, phones, e-mails, wallets, links), larger for a
 *       larger campaign and reused with Zipf popularity, and its letter with the amount and name changed per report;
 *   <li>a few campaigns run in pairs that share one mule account (the "hub"): a real link between two campaigns;
 *   <li>identifiers used once;
 *   <li>values that must never join campaigns: the bare domain gmail.com and the victim's own address (never
 *       linked by rule), and {@link #COMMON_VALUES} carried by a few percent of all reports whatever their
 *       campaign (a bulk host, a "customer service" number, a redirector): real, linkable values that only the
 *       "too common" demotion keeps from joining every campaign.
 * </ul>
 *
 * Identifiers a campaign owns are unique by construction (phone numbers from a counter, others with 40 bits or more
 * of chance), so two campaigns never meet by a collision of the generator. The same seed gives the same reports.
 *
 * <p>{@link #nextGenerated} also tells which campaign a report was made for and which shared hub it carries, so a
 * test can compare the campaigns that linking finds with the ones made.
 */
public final class Workload {
    /** The most reports a campaign is made with. */
    public static final int MAX_CAMPAIGN = 10_000;

    /**
     * Values carried by reports of every campaign, each with its share of reports in per mille: each one above the
     * linker's default share of 1 %, so it must be demoted; none is on a warning list.
     */
    public static final List<String> COMMON_VALUES =
            List.of("hebergement-mutualise.net", "+33 9 70 80 90 10", "https://redirige.link/go");

    private static final int[] COMMON_PER_MILLE = {40, 25, 15};

    /** Pending reports: campaigns are made while fewer are pending, so their waves overlap. */
    private static final int BAG = 50_000;
    /** Per mille of new campaigns that share a mule account with a campaign made just before. */
    private static final int PAIRED_PER_MILLE = 20;

    /** Each campaign's letter: %1$s is a name, %2$d an amount, changed per report. */
    private static final String[] TEMPLATES = {
        "Bonjour, je suis le commissaire %1$s de la brigade des mineurs. Vous êtes convoqué pour des faits graves."
                + " Pour éviter des poursuites, réglez l'amende de %2$d euros en coupons PCS sous 48 heures.",
        "I have access to your device and recorded you through your webcam. Send %2$d USD in bitcoin to the wallet"
                + " below within 48 hours or the video goes to all your contacts. Regards, %1$s.",
        "Votre colis est bloqué au centre de tri. Des frais de %2$d euros sont à régler pour la livraison. %1$s,"
                + " service client.",
        "Mon amour, je pense à toi chaque jour. Je suis bloqué à l'aéroport et il me faut %2$d euros pour le"
                + " billet. Ton %1$s qui t'aime.",
        "Nous avons récupéré vos fonds perdus. Pour les débloquer, versez %2$d euros de frais de dossier. Maître"
                + " %1$s, avocat spécialisé.",
        "Congratulations! You won the international lottery. To receive the prize, pay %2$d EUR of fees. Contact"
                + " agent %1$s.",
        "Votre conseiller bancaire %1$s : une opération suspecte de %2$d euros a été détectée, validez votre"
                + " identité au plus vite."
    };

    private static final String[] SCHEMES = {
        "fake_authority", "sextortion", "delivery", "romance", "recovery", "lottery", "bank_impersonation"
    };
    private static final String[] NAMES = {"Martin", "Bernard", "Dubois", "Laurent", "Moreau", "Simon", "Michel"};
    private static final String[] COUNTRIES = {"FR", "FR", "FR", "FR", "FR", "BE", "CH", "CA", "SN", "CI", "MA"};
    private static final String[] IBAN_COUNTRIES = {"FR", "DE", "ES", "LT", "BE", "IT"};

    private final SplittableRandom random;
    private final List<Identifier> common;
    /** Campaigns by index; a campaign whose reports were all made is dropped (null), so memory stays bounded. */
    private final List<Campaign> campaigns = new ArrayList<>();
    /** One entry per report still to make: the index of its campaign. */
    private int[] bag = new int[BAG * 2];

    private int pending;
    private long made;
    private int phones;

    /** A campaign: its template, wording, pool of identifiers, the mule it shares (if any), reports left. */
    private static final class Campaign {
        final int template;
        final String wording;
        final List<Identifier> pool;
        Identifier hub;
        int left;

        Campaign(int template, String wording, List<Identifier> pool, int left) {
            this.template = template;
            this.wording = wording;
            this.pool = pool;
            this.left = left;
        }
    }

    private static final String[] SYLLABLES = {
        "ra", "mo", "ti", "lu", "pe", "sa", "ko", "ne", "vi", "da", "fu", "ri", "zo", "ma", "te", "no", "li", "ga"
    };

    public Workload(long seed) {
        this.random = new SplittableRandom(seed);
        this.common = List.of(
                Domain.parse(COMMON_VALUES.get(0)).orElseThrow(),
                Phone.parse(COMMON_VALUES.get(1)).orElseThrow(),
                Url.parse(COMMON_VALUES.get(2)).orElseThrow());
    }

    /**
     * A report with the truth about it: the campaign it was made for (numbered in order of creation) and the hub
     * identifier it shares with another campaign, if it carries it.
     */
    public record Generated(NewReport report, int campaign, Optional<Identifier> hub) {}

    /** The next report. */
    public NewReport next() {
        return nextGenerated().report();
    }

    /** The next report, with the campaign it was made for. */
    public Generated nextGenerated() {
        int campaignIndex = draw();
        Campaign campaign = campaigns.get(campaignIndex);
        made++;
        // About five identifiers: three from the campaign's pool, two of its own, sometimes a common value.
        List<Identifier> declared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            declared.add(campaign.pool.get(zipf(campaign.pool.size())));
        }
        Optional<Identifier> hub =
                campaign.hub != null && declared.contains(campaign.hub) ? Optional.of(campaign.hub) : Optional.empty();
        declared.add(oneOff());
        declared.add(oneOff());
        for (int i = 0; i < common.size(); i++) {
            if (random.nextInt(1000) < COMMON_PER_MILLE[i]) {
                declared.add(common.get(i));
            }
        }
        // Values every campaign has in common and that must never join them: a free-mail domain typed on its own,
        // and (below) the victim's own address typed among the scammer's.
        if (random.nextInt(100) < 20) {
            declared.add(Domain.parse("gmail.com").orElseThrow());
        }
        String name = NAMES[random.nextInt(NAMES.length)];
        int amount = 50 * (1 + random.nextInt(200));
        // Each campaign words its letter its own way: campaigns that share a scheme are not one template.
        String narrative = TEMPLATES[campaign.template].formatted(name, amount) + " " + campaign.wording;
        if (--campaign.left == 0) {
            campaigns.set(campaignIndex, null);
        }
        List<Loss> losses = random.nextInt(100) < 30
                ? List.of(new Loss(
                        BigDecimal.valueOf(amount), "EUR", PaymentMethod.values()[random.nextInt(7)], Optional.empty()))
                : List.of();
        String victimEmail = "victim" + made + "@example.org";
        Optional<Contact> contact = random.nextInt(100) < 60
                ? Optional.of(new Contact(Optional.empty(), Optional.of(victimEmail), Optional.empty()))
                : Optional.empty();
        if (contact.isPresent() && random.nextInt(100) < 10) {
            declared.add(Email.parse(victimEmail).orElseThrow());
        }
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(330));
        NewReport report = new NewReport(
                contact,
                new Situation(random.nextInt(100) < 3, COUNTRIES[random.nextInt(COUNTRIES.length)], Lang.FR),
                Channel.values()[random.nextInt(Channel.values().length)],
                narrative + " (#" + made + ")",
                Optional.of(day),
                Optional.of(day.plusDays(random.nextInt(20))),
                losses,
                dedupe(declared),
                List.of(),
                "generate");
        return new Generated(report, campaignIndex, hub);
    }

    /** The scheme of a template, for the reports' labels. */
    public static String scheme(int template) {
        return SCHEMES[template];
    }

    /** The campaign of the next report: a pending report drawn from the bag, new campaigns made while it is low. */
    private int draw() {
        while (pending < BAG) {
            newCampaign();
        }
        int at = random.nextInt(pending);
        int campaign = bag[at];
        bag[at] = bag[--pending];
        return campaign;
    }

    private void newCampaign() {
        int size = size();
        List<Identifier> pool = new ArrayList<>();
        // A campaign's own domain for its addresses: a domain shared by unrelated campaigns would join them.
        String domain = "secure-" + Long.toString(random.nextLong() >>> 20, 36) + ".com";
        int poolSize = 2 + random.nextInt(4) + size / 100;
        for (int i = 0; i < poolSize; i++) {
            pool.add(
                    switch (random.nextInt(5)) {
                        case 0 -> iban();
                        case 1 -> phone();
                        case 2 -> email(domain);
                        case 3 -> eth();
                        default -> url();
                    });
        }
        Campaign campaign = new Campaign(random.nextInt(TEMPLATES.length), wording(), pool, size);
        // Now and then a gang runs a second campaign with the mule account of its last one: only pairs, so what
        // they join stays two campaigns.
        int index = campaigns.size();
        if (index > 0 && random.nextInt(1000) < PAIRED_PER_MILLE) {
            Campaign previous = campaigns.get(index - 1);
            if (previous != null && previous.hub == null) {
                Identifier mule = iban();
                previous.hub = mule;
                previous.pool.add(0, mule);
                campaign.hub = mule;
                pool.set(0, mule);
            }
        }
        campaigns.add(campaign);
        if (pending + size > bag.length) {
            bag = Arrays.copyOf(bag, Math.max(bag.length * 2, pending + size));
        }
        for (int i = 0; i < size; i++) {
            bag[pending++] = index;
        }
    }

    /** A campaign's size: P(size ≥ s) = s^-1.3, at most {@link #MAX_CAMPAIGN}. */
    private int size() {
        while (true) {
            double s = Math.floor(Math.pow(1 - random.nextDouble(), -1 / 1.3));
            if (s <= MAX_CAMPAIGN) {
                return (int) s;
            }
        }
    }

    /** Twenty made-up lower-case words: a campaign's own turn of phrase. */
    private String wording() {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < 20; w++) {
            int syllables = 2 + random.nextInt(2);
            for (int i = 0; i < syllables; i++) {
                sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            sb.append(w == 19 ? "." : " ");
        }
        return sb.toString();
    }

    private Identifier oneOff() {
        return switch (random.nextInt(3)) {
            case 0 -> phone();
            case 1 -> email(FREE_MAIL[random.nextInt(FREE_MAIL.length)]);
            default -> url();
        };
    }

    /** An index in [0, n) where 0 is the most popular (a Zipf-like law with exponent about 1). */
    private int zipf(int n) {
        double u = random.nextDouble();
        int k = (int) Math.floor(Math.pow(n + 1, u)) - 1;
        return Math.max(0, Math.min(n - 1, k));
    }

    private Identifier iban() {
        while (true) {
            String country = IBAN_COUNTRIES[random.nextInt(IBAN_COUNTRIES.length)];
            int length = switch (country) {
                case "FR", "IT" -> 23;
                case "DE" -> 18;
                case "ES" -> 20;
                case "LT" -> 16;
                default -> 12;
            };
            StringBuilder bban = new StringBuilder();
            if (country.equals("IT")) {
                bban.append((char) ('A' + random.nextInt(26)));
            }
            while (bban.length() < length) {
                bban.append(random.nextInt(10));
            }
            String check = checkDigits(country, bban.toString());
            Optional<Iban> iban = Iban.parse(country + check + bban);
            if (iban.isPresent()) {
                return iban.get();
            }
        }
    }

    /** ISO 13616 check digits: 98 minus the remainder mod 97 of BBAN + country + "00", letters as numbers. */
    private static String checkDigits(String country, String bban) {
        StringBuilder digits = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98
                - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return (check < 10 ? "0" : "") + check;
    }

    /** A mobile number never made before: a counter spread over the numbers by an odd multiplier (a bijection). */
    private Identifier phone() {
        while (true) {
            long spread = (phones++ * 48_271L + 12_345_679L) % 100_000_000L;
            Optional<Phone> phone = Phone.parse("+33" + (6 + (phones & 1)) + String.format("%08d", spread));
            if (phone.isPresent()) {
                return phone.get();
            }
        }
    }

    private static final String[] FREE_MAIL = {"outlook.fr", "proton.me", "yahoo.fr", "gmail.com"};

    private Identifier email(String domain) {
        return Email.parse("agent." + Long.toString(random.nextLong() >>> 20, 36) + "@" + domain)
                .orElseThrow();
    }

    private Identifier eth() {
        StringBuilder hex = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return Eth.parse(hex.toString()).orElseThrow();
    }

    private Identifier url() {
        String[] tlds = {"com", "info", "xyz", "top", "fr"};
        return Url.parse("https://suivi-" + Long.toString(random.nextLong() >>> 24, 36) + "."
                        + tlds[random.nextInt(tlds.length)] + "/d/" + random.nextInt(100_000))
                .orElseThrow();
    }

    private static List<Identifier> dedupe(List<Identifier> ids) {
        List<Identifier> out = new ArrayList<>();
        for (Identifier id : ids) {
            if (out.stream()
                    .noneMatch(o -> o.kind() == id.kind() && o.normalized().equals(id.normalized()))) {
                out.add(id);
            }
        }
        return out;
    }
}
