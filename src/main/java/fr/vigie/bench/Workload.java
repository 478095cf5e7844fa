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
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Synthetic reports for scale tests ({@code vigie generate}), with the skew of real reporting: campaigns whose sizes
 * follow a power law (a few with thousands of reports, most with one or two), each with its own pool of identifiers
 * (mule IBANs, phones, e-mails, wallets, links) reused with Zipf popularity; a few identifiers shared by thousands;
 * one-off identifiers; common values that must never link (the bare domain gmail.com, the victim's own address);
 * and each campaign's letter with its amount, wallet and name changed per report. The same seed gives the same
 * reports.
 *
 * <p>{@link #nextGenerated} also tells which campaign a report was made for and which shared hub it carries, so a
 * test can compare the campaigns that linking finds with the ones made.
 */
public final class Workload {
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
    private final List<Campaign> campaigns = new ArrayList<>();
    private final List<Identifier> hubs = new ArrayList<>();
    private long made;

    /** A campaign: its template, scheme, and pool of identifiers. */
    private record Campaign(int template, String wording, List<Identifier> pool) {}

    private static final String[] SYLLABLES = {
        "ra", "mo", "ti", "lu", "pe", "sa", "ko", "ne", "vi", "da", "fu", "ri", "zo", "ma", "te", "no", "li", "ga"
    };

    public Workload(long seed) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            hubs.add(iban()); // mule accounts that a few campaigns share
        }
    }

    /**
     * A report with the truth about it: the campaign it was made for (numbered in order of creation) and the hub
     * identifier it shares with other campaigns, if any.
     */
    public record Generated(NewReport report, int campaign, Optional<Identifier> hub) {}

    /** The next report. */
    public NewReport next() {
        return nextGenerated().report();
    }

    /** The next report, with the campaign it was made for. */
    public Generated nextGenerated() {
        int campaignIndex = campaign();
        Campaign campaign = campaigns.get(campaignIndex);
        made++;
        // About five identifiers: three from the campaign's pool, sometimes a hub, two of its own, sometimes a common
        // value.
        List<Identifier> declared = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            declared.add(campaign.pool().get(zipf(campaign.pool().size())));
        }
        Optional<Identifier> hub = Optional.empty();
        if (random.nextInt(1000) < 5) {
            hub = Optional.of(hubs.get(zipf(hubs.size())));
            declared.add(hub.get());
        }
        declared.add(oneOff());
        declared.add(oneOff());
        // Values every campaign has in common and that must never join them: a free-mail domain typed on its own,
        // and (below) the victim's own address typed among the scammer's.
        if (random.nextInt(100) < 20) {
            declared.add(Domain.parse("gmail.com").orElseThrow());
        }
        String name = NAMES[random.nextInt(NAMES.length)];
        int amount = 50 * (1 + random.nextInt(200));
        // Each campaign words its letter its own way: campaigns that share a scheme are not one template.
        String narrative = TEMPLATES[campaign.template()].formatted(name, amount) + " " + campaign.wording();
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

    /** A campaign's index, new or existing: existing ones are chosen by popularity (big ones grow bigger). */
    private int campaign() {
        if (campaigns.isEmpty() || random.nextInt(100) < 30) {
            List<Identifier> pool = new ArrayList<>();
            // A campaign's own domain for its addresses: a domain shared by unrelated campaigns would join them.
            String domain = "secure-" + Long.toString(random.nextLong() >>> 24, 36) + ".com";
            int size = 2 + random.nextInt(8);
            for (int i = 0; i < size; i++) {
                pool.add(
                        switch (random.nextInt(5)) {
                            case 0 -> iban();
                            case 1 -> phone();
                            case 2 -> email(domain);
                            case 3 -> eth();
                            default -> url();
                        });
            }
            campaigns.add(new Campaign(random.nextInt(TEMPLATES.length), wording(), pool));
            return campaigns.size() - 1;
        }
        return zipf(campaigns.size());
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

    private Identifier phone() {
        while (true) {
            String number = "+33" + (6 + random.nextInt(2)) + String.format("%08d", random.nextInt(100_000_000));
            Optional<Phone> phone = Phone.parse(number);
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
