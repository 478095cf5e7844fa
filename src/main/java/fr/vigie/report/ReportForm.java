package fr.vigie.report;

import fr.vigie.BadInputException;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Identifiers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a report's fields as a web form or an API client sends them (every value a string; {@code loss} and
 * {@code identifier} may repeat) and checks each one. A field that is wrong is refused with a
 * {@link BadInputException} whose code is {@code field.<name>}: the sender learns exactly what to fix, and nothing is
 * stored. Fields (docs/API.md lists them with examples): {@code contact_name}, {@code contact_email},
 * {@code contact_phone}, {@code minor}, {@code country}, {@code lang}, {@code channel}, {@code narrative},
 * {@code first_contact}, {@code last_contact}, {@code loss} ("AMOUNT CURRENCY METHOD [YYYY-MM-DD]"),
 * {@code identifier}, {@code message} (the text of the message received, kept as an evidence file).
 */
public final class ReportForm {
    public static final Set<String> FIELDS = Set.of(
            "contact_name",
            "contact_email",
            "contact_phone",
            "minor",
            "country",
            "lang",
            "channel",
            "narrative",
            "first_contact",
            "last_contact",
            "loss",
            "identifier",
            "message");

    static final int MAX_NARRATIVE = 20_000;
    static final int MAX_SHORT = 320;
    static final int MAX_REPEATS = 50;
    static final int MAX_FILES = 20;

    private final Identifiers identifiers;

    public ReportForm(Identifiers identifiers) {
        this.identifiers = identifiers;
    }

    public NewReport read(Map<String, List<String>> fields, List<EvidenceFile> files, String source) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw bad(name, "is not a report field");
            }
        }
        List<EvidenceFile> evidence = new ArrayList<>(files);
        Optional<String> message = one(fields, "message", Integer.MAX_VALUE);
        message.ifPresent(text -> evidence.add(
                0,
                new EvidenceFile("message.txt", "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8))));
        if (evidence.size() > MAX_FILES) {
            throw new BadInputException("too_many_files", "a report holds at most " + MAX_FILES + " evidence files");
        }
        Contact contact = new Contact(
                one(fields, "contact_name", MAX_SHORT),
                one(fields, "contact_email", MAX_SHORT),
                one(fields, "contact_phone", MAX_SHORT));
        Situation situation = new Situation(
                one(fields, "minor", 10).map(v -> bool("minor", v)).orElse(false),
                one(fields, "country", 2)
                        .map(v -> {
                            String cc = v.toUpperCase(Locale.ROOT);
                            if (!cc.matches("[A-Z]{2}")) {
                                throw bad("country", "must be a two-letter country code such as FR");
                            }
                            return cc;
                        })
                        .orElse("FR"),
                one(fields, "lang", 2)
                        .map(v -> Lang.fromId(v).orElseThrow(() -> bad("lang", "must be fr or en")))
                        .orElse(Lang.FR));
        Channel channel = one(fields, "channel", 40)
                .map(v -> Channel.fromId(v.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> bad("channel", "must be one of " + ids(Channel.values()))))
                .orElse(Channel.OTHER);
        String narrative = one(fields, "narrative", MAX_NARRATIVE).orElse("");
        Optional<LocalDate> first = one(fields, "first_contact", 10).map(v -> date("first_contact", v));
        Optional<LocalDate> last = one(fields, "last_contact", 10).map(v -> date("last_contact", v));
        if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
            throw bad("last_contact", "is before first_contact");
        }
        List<Loss> losses = many(fields, "loss").stream().map(ReportForm::loss).toList();
        List<Identifier> declared = many(fields, "identifier").stream()
                .map(v -> identifiers
                        .parseAny(v)
                        .orElseThrow(() -> bad("identifier", "\"" + clip(v) + "\" is not an identifier Vigie knows")))
                .toList();
        if (narrative.isBlank() && evidence.isEmpty() && losses.isEmpty() && declared.isEmpty()) {
            throw new BadInputException(
                    "empty_report", "a report needs a narrative, a message, a file, a loss or an identifier");
        }
        return new NewReport(
                Optional.of(contact), situation, channel, narrative, first, last, losses, declared, evidence, source);
    }

    private static Loss loss(String value) {
        String[] parts = value.strip().split("\\s+");
        if (parts.length < 3 || parts.length > 4) {
            throw bad("loss", "must read AMOUNT CURRENCY METHOD [YYYY-MM-DD], e.g. 1500 EUR transfer 2026-11-02");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(parts[0].replace(',', '.'));
        } catch (NumberFormatException e) {
            throw bad("loss", "amount \"" + clip(parts[0]) + "\" is not a number");
        }
        if (amount.signum() <= 0 || amount.scale() > 2 || amount.precision() > 15) {
            throw bad("loss", "amount must be positive, with at most two decimals");
        }
        String currency = parts[1].toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw bad("loss", "currency \"" + clip(parts[1]) + "\" is not an ISO 4217 code such as EUR");
        }
        PaymentMethod method = PaymentMethod.fromId(parts[2].toLowerCase(Locale.ROOT))
                .orElseThrow(() -> bad("loss", "payment method must be one of " + ids(PaymentMethod.values())));
        Optional<LocalDate> paidOn = parts.length == 4 ? Optional.of(date("loss", parts[3])) : Optional.empty();
        return new Loss(amount, currency, method, paidOn);
    }

    private static Optional<String> one(Map<String, List<String>> fields, String name, int maxLength) {
        List<String> values = fields.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw bad(name, "is given more than once");
        }
        if (values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return Optional.empty();
        }
        String value = values.get(0).strip();
        if (value.length() > maxLength) {
            throw bad(name, "is longer than " + maxLength + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw bad(name, "contains a NUL character");
        }
        return Optional.of(value);
    }

    private static List<String> many(Map<String, List<String>> fields, String name) {
        List<String> values = fields.getOrDefault(name, List.of()).stream()
                .filter(v -> v != null && !v.isBlank())
                .toList();
        if (values.size() > MAX_REPEATS) {
            throw bad(name, "is given more than " + MAX_REPEATS + " times");
        }
        for (String v : values) {
            if (v.length() > MAX_SHORT || v.indexOf('\0') >= 0) {
                throw bad(name, "has a value longer than " + MAX_SHORT + " characters or with a NUL character");
            }
        }
        return values;
    }

    private static boolean bool(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1", "oui" -> true;
            case "false", "no", "off", "0", "non" -> false;
            default -> throw bad(name, "must be true or false");
        };
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(name, "\"" + clip(value) + "\" is not a date written YYYY-MM-DD");
        }
    }

    private static String ids(Enum<?>[] values) {
        List<String> ids = new ArrayList<>();
        for (Enum<?> v : values) {
            ids.add(v.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", ids);
    }

    /** Errors may quote a short value the sender typed (never message text): they need to see which one. */
    private static String clip(String value) {
        String v = value.strip();
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }

    private static BadInputException bad(String field, String problem) {
        return new BadInputException("field." + field, field + " " + problem);
    }
}
