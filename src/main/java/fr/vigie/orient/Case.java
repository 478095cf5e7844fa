package fr.vigie.orient;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.detect.Analysis;
import fr.vigie.detect.RedFlag;
import fr.vigie.detect.Verdict;
import fr.vigie.message.MessageKind;
import fr.vigie.report.Channel;
import fr.vigie.report.Loss;
import fr.vigie.report.PreparedReport;
import fr.vigie.report.Report;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What orientation and priority need to know of a case, whether it comes from a report or a bare check.
 *
 * @param country the victim's country, ISO 3166 alpha-2 upper case
 * @param verdict the analysis's verdict, when a message was analysed
 * @param schemes the schemes, most likely first
 * @param redFlags the ids of the rules that fired (a deadline in the message...)
 * @param losses what was paid; empty for a bare check (the person only asked about a message)
 * @param channel how the scammer came, when known (an e-mail is known; pasted text could be an SMS or a chat)
 */
public record Case(
        String country,
        boolean minor,
        Optional<Verdict> verdict,
        List<String> schemes,
        Set<String> redFlags,
        List<Loss> losses,
        Optional<Channel> channel) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Case {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(channel, "channel");
        schemes = List.copyOf(schemes);
        redFlags = Set.copyOf(redFlags);
        losses = List.copyOf(losses);
    }

    /** A bare check: one analysed message, the person's country and age; nothing known of payments. */
    public static Case of(Analysis analysis, MessageKind kind, String country, boolean minor) {
        return new Case(
                country,
                minor,
                Optional.of(analysis.verdict()),
                analysis.scamTypes().stream()
                        .map(Analysis.SchemeConfidence::type)
                        .toList(),
                ruleIds(analysis.redFlags()),
                List.of(),
                kind == MessageKind.EMAIL ? Optional.of(Channel.EMAIL) : Optional.empty());
    }

    /** A report about to be stored: its situation, losses, channel, and what its messages' analyses found. */
    public static Case of(PreparedReport report) {
        Set<String> flags = new LinkedHashSet<>();
        report.evidence().forEach(e -> e.analysis().ifPresent(a -> flags.addAll(ruleIds(a.redFlags()))));
        return new Case(
                report.report().situation().country(),
                report.report().situation().minor(),
                report.verdict(),
                report.schemes(),
                flags,
                report.report().losses(),
                Optional.of(report.report().channel()));
    }

    /** A stored report; the red flags are read back from each evidence's analysis as {@code vigie check} wrote it. */
    public static Case of(Report report) {
        Set<String> flags = new LinkedHashSet<>();
        report.evidence().forEach(e -> e.analysisJson().ifPresent(json -> flags.addAll(ruleIds(json))));
        return new Case(
                report.situation().country(),
                report.situation().minor(),
                report.verdict(),
                report.schemes(),
                flags,
                report.losses(),
                Optional.of(report.channel()));
    }

    /** True when nothing points to a scam: a message with no red flags, no scheme and no money lost. */
    public boolean nothingToDo() {
        return verdict.filter(v -> v == Verdict.NO_RED_FLAGS).isPresent() && schemes.isEmpty() && losses.isEmpty();
    }

    private static Set<String> ruleIds(List<RedFlag> flags) {
        Set<String> ids = new LinkedHashSet<>();
        flags.forEach(f -> ids.add(f.ruleId()));
        return ids;
    }

    /**
     * The red-flag ids in a stored analysis; an analysis that cannot be read adds none (it was written by us). Read
     * as a stream of tokens, not as a tree: only {@code redFlags[].id} is wanted of an analysis that is most of a
     * report's bytes, and every analyst's read of a report asks for it.
     */
    private static Set<String> ruleIds(String analysisJson) {
        Set<String> ids = new LinkedHashSet<>();
        try (JsonParser parser = JSON.getFactory().createParser(analysisJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ids;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("redFlags") && value == JsonToken.START_ARRAY) {
                    ids.clear(); // as a tree would read it: the last redFlags counts
                    for (JsonToken flag = parser.nextToken(); flag != JsonToken.END_ARRAY; flag = parser.nextToken()) {
                        if (flag == JsonToken.START_OBJECT) {
                            flagId(parser).ifPresent(ids::add);
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (java.io.IOException e) {
            // stored by Vigie itself; unreadable means an older form without red flags to add
        }
        return ids;
    }

    /** The {@code id} of the red flag whose object the parser is in; leaves the parser at the object's end. */
    private static Optional<String> flagId(JsonParser parser) throws java.io.IOException {
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                id = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return Optional.ofNullable(id);
    }
}
