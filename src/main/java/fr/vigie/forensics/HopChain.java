package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.Anomaly;
import fr.vigie.forensics.HeaderFindings.Hop;
import fr.vigie.forensics.HeaderFindings.Origin;
import fr.vigie.forensics.ReceivedParser.ParsedHop;
import fr.vigie.identifier.Ip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Received chain read as a whole: delays, order, continuity, and where the message entered the receiving
 * infrastructure (the boundary). Above the boundary every header was written by the receiver; below it, only the
 * sender vouches for what is written.
 */
final class HopChain {
    private final List<ParsedHop> parsed;
    private final Set<String> receivingOrganisations = new LinkedHashSet<>();
    private final OptionalInt boundary;

    HopChain(List<ParsedHop> parsed) {
        this.parsed = List.copyOf(parsed);
        this.boundary = findBoundary();
    }

    List<String> receivingOrganisations() {
        return List.copyOf(receivingOrganisations);
    }

    /** Position of the hop through which the message entered from outside, if the chain shows one. */
    OptionalInt boundary() {
        return boundary;
    }

    /**
     * Header index below which headers were not written by the receiver: the boundary hop's own header, or the
     * bottom hop's when the whole chain is internal. With no hop at all, nothing is known to be the receiver's.
     */
    int trustedAboveHeaderIndex() {
        if (boundary.isPresent()) {
            return parsed.get(boundary.getAsInt()).headerIndex();
        }
        return parsed.isEmpty() ? -1 : parsed.get(parsed.size() - 1).headerIndex();
    }

    boolean belongsToReceiver(String host) {
        return Text.organisation(host).map(receivingOrganisations::contains).orElse(false);
    }

    /**
     * Large operators name their own relays under several domains (one Exchange Online hop is written under
     * outlook.com, the next under office365.com or exchangelabs.com): seeing one brings in its siblings.
     * TODO: move these families to a data list when the lists loader exists.
     */
    // Lists, not sets: the family is added in this order, and Set.of's order changes from one JVM to the next,
    // which made the output of the same message differ between two runs.
    private static final List<List<String>> OPERATOR_FAMILIES = List.of(
            List.of("outlook.com", "office365.com", "exchangelabs.com", "microsoft.com", "office.com"),
            List.of("google.com", "googlemail.com", "1e100.net"),
            List.of("yahoo.com", "yahoodns.net", "yahoo.net", "aol.com"));

    private void addReceivingOrganisation(String organisation) {
        receivingOrganisations.add(organisation);
        for (List<String> family : OPERATOR_FAMILIES) { // a loop: a stream pipeline per hop cost more than the look-ups
            if (family.contains(organisation)) {
                receivingOrganisations.addAll(family);
            }
        }
    }

    /** Grow the receiving side downward from the top while each hop's sender is one of its own relays. */
    private OptionalInt findBoundary() {
        for (int position = 0; position < parsed.size(); position++) {
            ParsedHop hop = parsed.get(position);
            hop.by().flatMap(Text::organisation).ifPresent(this::addReceivingOrganisation);
            if (!isInternalSender(hop)) {
                return OptionalInt.of(position);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A relay of the receiver: no from-clause (local pickup), a private address, or a name of one of its
     * organisations. The reverse name is preferred: the receiver wrote it, while the HELO is the sender's word.
     */
    private boolean isInternalSender(ParsedHop hop) {
        if (!hop.hasFrom()) {
            return true;
        }
        if (hop.ip().flatMap(Ip::parse).map(Ip::privateOrReserved).orElse(false)) {
            return true;
        }
        Optional<String> name = hop.reverseDns().or(hop::helo);
        return name.map(this::belongsToReceiver).orElse(false);
    }

    Optional<Origin> origin() {
        if (boundary.isEmpty()) {
            return Optional.empty();
        }
        for (int position = boundary.getAsInt(); position < parsed.size(); position++) {
            ParsedHop hop = parsed.get(position);
            Optional<Ip> ip = hop.ip().flatMap(Ip::parse);
            if (ip.isPresent() && !ip.get().privateOrReserved()) {
                return Optional.of(new Origin(
                        ip.get().normalized(),
                        position,
                        hop.reverseDns(),
                        hop.helo(),
                        position == boundary.getAsInt()));
            }
        }
        return Optional.empty();
    }

    List<Hop> hops() {
        List<Hop> hops = new ArrayList<>();
        for (int position = 0; position < parsed.size(); position++) {
            ParsedHop hop = parsed.get(position);
            List<Anomaly> anomalies = new ArrayList<>(hop.anomalies());
            OptionalLong delay = delayFromOlder(position);
            if (delay.isPresent() && delay.getAsLong() < 0) {
                anomalies.add(new Anomaly(
                        "negative_delay",
                        "Received header " + hop.headerIndex() + " is dated " + -delay.getAsLong()
                                + " s before the hop below it"));
            }
            brokenChain(position).ifPresent(anomalies::add);
            futureDate(position).ifPresent(anomalies::add);
            boolean claimed = boundary.isPresent() && position > boundary.getAsInt();
            hops.add(new Hop(
                    hop.headerIndex(),
                    hop.helo(),
                    hop.reverseDns(),
                    hop.ip(),
                    hop.by(),
                    hop.with(),
                    hop.id(),
                    hop.recipient(),
                    hop.date(),
                    delay,
                    claimed,
                    anomalies,
                    hop.value()));
        }
        return hops;
    }

    private OptionalLong delayFromOlder(int position) {
        if (position + 1 >= parsed.size()) {
            return OptionalLong.empty();
        }
        ParsedHop newer = parsed.get(position);
        ParsedHop older = parsed.get(position + 1);
        if (newer.date().isEmpty() || older.date().isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                Duration.between(older.date().get(), newer.date().get()).toSeconds());
    }

    /** The host that wrote a hop (its "by") must be the one the next newer hop received from. */
    private Optional<Anomaly> brokenChain(int position) {
        if (position == 0) {
            return Optional.empty();
        }
        ParsedHop older = parsed.get(position);
        ParsedHop newer = parsed.get(position - 1);
        if (older.by().isEmpty()
                || (newer.helo().isEmpty() && newer.reverseDns().isEmpty())) {
            return Optional.empty();
        }
        if (newer.ip().flatMap(Ip::parse).map(Ip::privateOrReserved).orElse(false)) {
            return Optional.empty(); // a local pickup (fetchmail, a content filter) names hosts its own way
        }
        String by = older.by().get();
        boolean linked = sameHost(by, newer.helo()) || sameHost(by, newer.reverseDns()) || sameIp(by, newer.ip());
        if (linked) {
            return Optional.empty();
        }
        return Optional.of(new Anomaly(
                "broken_chain",
                "Received header " + older.headerIndex() + " is by " + by + " but the next hop received from "
                        + newer.reverseDns().or(newer::helo).orElse("?")));
    }

    private static boolean sameHost(String by, Optional<String> from) {
        if (from.isEmpty()) {
            return false;
        }
        String other = from.get();
        if (by.equals(other)) {
            return true;
        }
        // "mx1" for "mx1.example.com"; and a long machine label such as AM7PR02CA0005 names one host even when
        // Microsoft writes it under outlook.com in one hop and office365.com in the next
        boolean shortName = by.indexOf('.') < 0 || other.indexOf('.') < 0;
        boolean machineLabel = firstLabel(by).length() >= 10;
        if ((shortName || machineLabel) && firstLabel(by).equals(firstLabel(other))) {
            return true;
        }
        Optional<String> byOrganisation = Text.organisation(by);
        Optional<String> otherOrganisation = Text.organisation(other);
        return byOrganisation.isPresent()
                && otherOrganisation.isPresent()
                && sameOperator(byOrganisation.get(), otherOrganisation.get());
    }

    private static boolean sameOperator(String organisation, String other) {
        return organisation.equals(other)
                || OPERATOR_FAMILIES.stream()
                        .anyMatch(family -> family.contains(organisation) && family.contains(other));
    }

    private static boolean sameIp(String by, Optional<String> ip) {
        return ip.isPresent() && Ip.parse(by).map(Ip::normalized).equals(ip);
    }

    private static String firstLabel(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    /** A lower hop dated after the top hop: the receiver's clock is the reference, so the lower date is wrong. */
    private Optional<Anomaly> futureDate(int position) {
        if (position == 0 || parsed.get(0).date().isEmpty()) {
            return Optional.empty();
        }
        ParsedHop hop = parsed.get(position);
        if (hop.date().isPresent()
                && hop.date().get().isAfter(parsed.get(0).date().get())) {
            return Optional.of(
                    new Anomaly("future_date", "Received header " + hop.headerIndex() + " is dated after the top hop"));
        }
        return Optional.empty();
    }
}
