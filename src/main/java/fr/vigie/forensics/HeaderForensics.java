package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.Anomaly;
import fr.vigie.forensics.HeaderFindings.Authentication;
import fr.vigie.forensics.HeaderFindings.ClaimedIp;
import fr.vigie.forensics.HeaderFindings.DkimSignature;
import fr.vigie.forensics.HeaderFindings.Hop;
import fr.vigie.forensics.HeaderFindings.MailAddress;
import fr.vigie.forensics.HeaderFindings.Mismatch;
import fr.vigie.forensics.HeaderFindings.Senders;
import fr.vigie.forensics.HeaderFindings.Verdict;
import fr.vigie.identifier.Ip;
import fr.vigie.message.Header;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;

/**
 * Reads what the headers of one e-mail say about its path and sender. Immutable and thread-safe when the key source
 * is. {@link #examine} never throws on header content: what cannot be read becomes a warning in the result.
 */
public final class HeaderForensics {
    private static final Set<String> CLAIMED_IP_HEADERS = Set.of(
            "x-originating-ip",
            "x-sender-ip",
            "x-source-ip",
            "x-client-ip",
            "x-remote-ip",
            "x-real-ip",
            "x-forwarded-for",
            "x-ms-exchange-organization-originalclientipaddress");
    private static final Pattern COMMAS_OR_SPACES = Pattern.compile("[,\\s]+");
    private static final Pattern SQUARE_BRACKETS = Pattern.compile("[\\[\\]]");

    private final SenderChecks senderChecks;
    private final Optional<PublicKeyRecordRetriever> dkimKeys;

    /**
     * @param lists free-mail domains and authority names for the sender checks
     * @param dkimKeys where DKIM public-key records come from; empty: signatures are read, reported
     *     {@code not_checked}, and nothing is looked up
     */
    public HeaderForensics(SenderLists lists, Optional<PublicKeyRecordRetriever> dkimKeys) {
        this.senderChecks = new SenderChecks(Objects.requireNonNull(lists, "lists"));
        this.dkimKeys = Objects.requireNonNull(dkimKeys, "dkimKeys");
    }

    /** Without a key source: DKIM signatures are only read. */
    public HeaderForensics(SenderLists lists) {
        this(lists, Optional.empty());
    }

    /**
     * @param headers the message's header fields, top (newest) first
     * @param rawMessage the message as received, used only to verify DKIM (may be empty)
     */
    public HeaderFindings examine(List<Header> headers, byte[] rawMessage) {
        List<Header> fields = nonNull(headers);
        List<Anomaly> warnings = new ArrayList<>();
        HopChain chain = safely(() -> new HopChain(hopsOf(fields)), () -> new HopChain(List.of()), warnings);
        List<Hop> hops = safely(chain::hops, List::of, warnings);
        hops.forEach(hop -> warnings.addAll(hop.anomalies()));
        if (hops.isEmpty()) {
            warnings.add(new Anomaly("no_received_headers", "the message has no Received header"));
        }
        Optional<OffsetDateTime> date = date(fields, warnings);
        Authentication authentication = safely(
                () -> AuthenticationReader.read(fields, chain, warnings), HeaderForensics::noAuthentication, warnings);
        List<DkimSignature> dkim =
                safely(() -> DkimChecks.check(fields, rawMessage, dkimKeys, warnings), List::of, warnings);
        Senders senders = safely(() -> senders(fields, warnings), HeaderForensics::noSenders, warnings);
        Optional<String> messageIdDomain = first(fields, "Message-ID").flatMap(SenderChecks::messageIdDomain);
        List<Mismatch> mismatches = safely(() -> senderChecks.check(senders, messageIdDomain), List::of, warnings);
        return new HeaderFindings(
                hops,
                chain.receivingOrganisations(),
                chain.origin(),
                claimedIps(fields),
                date,
                authentication,
                dkim,
                senders,
                mismatches,
                first(fields, "X-Mailer").or(() -> first(fields, "User-Agent")),
                messageIdDomain,
                warnings);
    }

    // Loops, not streams, in this class: it runs on every message, and a stream pipeline per header look-up cost
    // more than the look-up.
    private static List<Header> nonNull(List<Header> headers) {
        if (headers == null) {
            return List.of();
        }
        List<Header> fields = new ArrayList<>(headers.size());
        for (Header header : headers) {
            if (header != null) {
                fields.add(header);
            }
        }
        return fields;
    }

    private static List<ReceivedParser.ParsedHop> hopsOf(List<Header> fields) {
        List<ReceivedParser.ParsedHop> hops = new ArrayList<>();
        for (Header header : fields) {
            if (header.is("Received")) {
                hops.add(ReceivedParser.parse(header.index(), header.value()));
            }
        }
        return hops;
    }

    private static Senders noSenders() {
        return new Senders(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static Optional<OffsetDateTime> date(List<Header> fields, List<Anomaly> warnings) {
        Optional<String> written = first(fields, "Date");
        if (written.isEmpty()) {
            warnings.add(new Anomaly("missing_date", "the message has no Date header"));
            return Optional.empty();
        }
        Optional<OffsetDateTime> date = MailDates.parse(written.get());
        if (date.isEmpty()) {
            warnings.add(new Anomaly("unparseable_date", "Date: " + written.get()));
        }
        return date;
    }

    private static Senders senders(List<Header> fields, List<Anomaly> warnings) {
        Optional<String> fromText = first(fields, "From");
        Optional<MailAddress> from = fromText.flatMap(Addresses::first);
        if (fromText.isEmpty()) {
            warnings.add(new Anomaly("missing_from", "the message has no From header"));
        } else if (from.isEmpty()) {
            warnings.add(new Anomaly("unparseable_from", "From: " + fromText.get()));
        }
        return new Senders(
                from,
                first(fields, "Reply-To").flatMap(Addresses::first),
                first(fields, "Return-Path").flatMap(Addresses::first),
                first(fields, "Sender").flatMap(Addresses::first));
    }

    private static List<ClaimedIp> claimedIps(List<Header> fields) {
        List<ClaimedIp> claimed = new ArrayList<>(0);
        for (Header header : fields) {
            if (isClaimedIpHeader(header.name())) {
                claimed.add(new ClaimedIp(header.name(), header.value(), claimedIp(header.value())));
            }
        }
        return List.copyOf(claimed);
    }

    /** Every such header starts with "X-": most headers are told apart without being lower-cased. */
    private static boolean isClaimedIpHeader(String name) {
        String stripped = name.strip();
        return stripped.regionMatches(true, 0, "x-", 0, 2)
                && CLAIMED_IP_HEADERS.contains(stripped.toLowerCase(Locale.ROOT));
    }

    /** "[203.0.113.5]", "203.0.113.5, 10.0.0.1" (X-Forwarded-For): the first address that reads as one. */
    private static Optional<String> claimedIp(String value) {
        for (String part : COMMAS_OR_SPACES.split(value)) {
            Optional<Ip> ip = Ip.parse(SQUARE_BRACKETS.matcher(part).replaceAll(""));
            if (ip.isPresent()) {
                return ip.map(Ip::normalized);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(List<Header> fields, String name) {
        for (Header header : fields) {
            if (header.is(name) && !header.value().isBlank()) {
                return Optional.of(header.value().strip());
            }
        }
        return Optional.empty();
    }

    private static Authentication noAuthentication() {
        return new Authentication(Verdict.absent(), Verdict.absent(), Verdict.absent(), Verdict.absent(), List.of());
    }

    /** The last guard of "never throw": a bug in one reader costs that section, not the whole message. */
    private static <T> T safely(Supplier<T> reader, Supplier<T> fallback, List<Anomaly> warnings) {
        try {
            return reader.get();
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add(new Anomaly("internal_reader_error", e.getClass().getSimpleName()));
            return fallback.get();
        }
    }
}
