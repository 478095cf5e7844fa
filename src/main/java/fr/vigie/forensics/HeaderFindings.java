package fr.vigie.forensics;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the headers of one e-mail say about its path and its sender, reported faithfully: nothing here is a verdict
 * (an authentication pass lowers no suspicion by itself; that is the detection layer's call). Every list is immutable.
 *
 * @param hops the {@code Received} chain, top (newest) first
 * @param receivingOrganisations registrable domains of the receiving infrastructure (the top hops and their relays)
 * @param origin where the message entered the receiving infrastructure from outside, if an address is known
 * @param claimedIps sender-side IP headers ({@code X-Originating-IP}...), claimed values only
 * @param date the {@code Date} header, when it could be read without guessing
 * @param authentication Authentication-Results, ARC-Authentication-Results, Received-SPF and their summary
 * @param dkimSignatures each {@code DKIM-Signature}, verified or only read
 * @param senders the From, Reply-To, Return-Path and Sender addresses
 * @param mismatches sender inconsistencies with stable snake_case codes
 * @param sendingClient {@code X-Mailer} or {@code User-Agent}
 * @param messageIdDomain the domain of the {@code Message-ID}
 * @param warnings everything that could not be read or looks wrong, hop anomalies included
 */
public record HeaderFindings(
        List<Hop> hops,
        List<String> receivingOrganisations,
        Optional<Origin> origin,
        List<ClaimedIp> claimedIps,
        Optional<OffsetDateTime> date,
        Authentication authentication,
        List<DkimSignature> dkimSignatures,
        Senders senders,
        List<Mismatch> mismatches,
        Optional<String> sendingClient,
        Optional<String> messageIdDomain,
        List<Anomaly> warnings) {

    public HeaderFindings {
        hops = List.copyOf(hops);
        receivingOrganisations = List.copyOf(receivingOrganisations);
        claimedIps = List.copyOf(claimedIps);
        dkimSignatures = List.copyOf(dkimSignatures);
        mismatches = List.copyOf(mismatches);
        warnings = List.copyOf(warnings);
    }

    /** True when some check produced the given mismatch code. */
    public boolean hasMismatch(String code) {
        return mismatches.stream().anyMatch(mismatch -> mismatch.code().equals(code));
    }

    /** True when some warning (hop anomalies included) has the given code. */
    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(warning -> warning.code().equals(code));
    }

    /** Something that could not be read or does not add up; {@code code} is stable snake_case. */
    public record Anomaly(String code, String detail) {}

    /** A disagreement between sender fields; {@code code} is stable snake_case. */
    public record Mismatch(String code, String detail) {}

    /**
     * One {@code Received} header. {@code helo} is the name the sending host claimed, {@code reverseDns} and {@code ip}
     * what the receiving host recorded in the from-clause comment. {@code delaySeconds} is the time from the next older
     * hop to this one. {@code claimedBySender}: the hop sits below the entry into the receiving infrastructure, so
     * only the sender vouches for it.
     */
    public record Hop(
            int headerIndex,
            Optional<String> helo,
            Optional<String> reverseDns,
            Optional<String> ip,
            Optional<String> by,
            Optional<String> with,
            Optional<String> id,
            Optional<String> recipient,
            Optional<OffsetDateTime> date,
            OptionalLong delaySeconds,
            boolean claimedBySender,
            List<Anomaly> anomalies,
            String value) {
        public Hop {
            anomalies = List.copyOf(anomalies);
        }
    }

    /**
     * The originating IP. {@code hopPosition} is its hop's position in {@link HeaderFindings#hops()};
     * {@code recordedByReceiver} is false when it comes from a hop below the boundary (claimed by the sender).
     */
    public record Origin(
            String ip,
            int hopPosition,
            Optional<String> reverseDns,
            Optional<String> helo,
            boolean recordedByReceiver) {}

    /** A sender-side IP header such as {@code X-Originating-IP}: the value as written and the address read in it. */
    public record ClaimedIp(String header, String value, Optional<String> ip) {}

    /**
     * The receiver's verdicts (only from trusted headers), plus every authentication header read. Each verdict's
     * {@code result} is {@code absent} when no trusted header gives one.
     */
    public record Authentication(
            Verdict spf, Verdict dkim, Verdict dmarc, Verdict arc, List<AuthenticationHeader> headers) {
        public Authentication {
            headers = List.copyOf(headers);
        }
    }

    /**
     * One summarised result. SPF's domain is the envelope sender's (never the visible From), DKIM's the signing
     * domain, DMARC's the From domain it was aligned against.
     */
    public record Verdict(String result, Optional<String> domain, boolean trusted) {
        public static final String ABSENT = "absent";

        static Verdict absent() {
            return new Verdict(ABSENT, Optional.empty(), false);
        }
    }

    /**
     * One Authentication-Results, ARC-Authentication-Results or Received-SPF header. {@code trusted}: it was added
     * by the receiving infrastructure (it sits above the boundary hop); the others may be forged (RFC 8601 7.1).
     */
    public record AuthenticationHeader(
            int headerIndex,
            String name,
            Optional<String> authservId,
            boolean authservIdOfReceiver,
            boolean trusted,
            List<AuthenticationResult> results) {
        public AuthenticationHeader {
            results = List.copyOf(results);
        }
    }

    /** One {@code method=result} with its properties ({@code smtp.mailfrom}, {@code header.d}...) and comments. */
    public record AuthenticationResult(
            String method,
            String result,
            Optional<String> reason,
            Map<String, String> properties,
            List<String> comments) {
        public AuthenticationResult {
            // in the order written (Map.copyOf's order changes from one JVM to the next)
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            comments = List.copyOf(comments);
        }
    }

    /**
     * One {@code DKIM-Signature}: its tags and the outcome, {@code not_checked} when no key source was given, else
     * {@code pass}, {@code fail}, {@code temperror} or {@code permerror} ({@code detail} says why).
     */
    public record DkimSignature(
            int headerIndex,
            Optional<String> domain,
            Optional<String> selector,
            Optional<String> algorithm,
            List<String> signedHeaders,
            String result,
            Optional<String> detail) {
        public DkimSignature {
            signedHeaders = List.copyOf(signedHeaders);
        }
    }

    /** A mailbox as written: display name (may be empty), address, lower-case domain. */
    public record MailAddress(String displayName, String address, String domain) {}

    /** The sender-side addresses, each empty when missing or unreadable. */
    public record Senders(
            Optional<MailAddress> from,
            Optional<MailAddress> replyTo,
            Optional<MailAddress> returnPath,
            Optional<MailAddress> sender) {}
}
