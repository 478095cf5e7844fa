package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.Anomaly;
import fr.vigie.forensics.HeaderFindings.Authentication;
import fr.vigie.forensics.HeaderFindings.AuthenticationHeader;
import fr.vigie.forensics.HeaderFindings.AuthenticationResult;
import fr.vigie.forensics.HeaderFindings.Verdict;
import fr.vigie.message.Header;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the authentication headers and decides which ones to believe. Only headers written by the receiving
 * infrastructure (above the boundary hop, or in the receiver's name right below it) are trusted: anyone can write such a header below it (RFC 8601 7.1), and
 * the untrusted ones never set the summary.
 */
final class AuthenticationReader {
    private static final String AUTHENTICATION_RESULTS = "Authentication-Results";
    private static final String ARC_AUTHENTICATION_RESULTS = "ARC-Authentication-Results";
    private static final String RECEIVED_SPF = "Received-SPF";

    private AuthenticationReader() {}

    static Authentication read(List<Header> headers, HopChain chain, List<Anomaly> warnings) {
        List<AuthenticationHeader> read = new ArrayList<>();
        Set<Integer> besideBoundary = besideBoundary(headers, chain.trustedAboveHeaderIndex());
        Set<String> namesTrustedBeside = new HashSet<>();
        for (Header header : headers) {
            readOne(header, chain, besideBoundary, namesTrustedBeside).ifPresent(read::add);
        }
        for (AuthenticationHeader header : read) {
            warnAbout(header, warnings);
        }
        // Authentication-Results first, then ARC copies, then Received-SPF; newest first within each kind
        List<AuthenticationHeader> byPreference = read.stream()
                .filter(AuthenticationHeader::trusted)
                .sorted(Comparator.comparingInt(AuthenticationReader::rank)
                        .thenComparingInt(AuthenticationHeader::headerIndex))
                .toList();
        return new Authentication(
                verdict(byPreference, "spf"),
                verdict(byPreference, "dkim"),
                verdict(byPreference, "dmarc"),
                verdict(byPreference, "arc"),
                read);
    }

    /**
     * Gmail writes its Received-SPF and Authentication-Results just below its own Received header, where the
     * sender's first headers also begin. So the headers of that block directly below the boundary hop (nothing but
     * authentication headers in between) are trusted only when they carry the receiver's name, and only the topmost
     * of each kind: a receiver adds one, a forger's copy comes after it.
     */
    private static Set<Integer> besideBoundary(List<Header> headers, int boundaryHeaderIndex) {
        Set<Integer> block = new HashSet<>();
        boolean below = false;
        for (Header header : headers) {
            if (header.index() == boundaryHeaderIndex) {
                below = true;
            } else if (below && isAuthenticationHeader(header)) {
                block.add(header.index());
            } else if (below) {
                break;
            }
        }
        return block;
    }

    private static boolean isAuthenticationHeader(Header header) {
        String name = header.name().strip().toLowerCase(Locale.ROOT);
        return name.equals("authentication-results") || name.equals("received-spf") || name.startsWith("arc-");
    }

    private static Optional<AuthenticationHeader> readOne(
            Header header, HopChain chain, Set<Integer> besideBoundary, Set<String> namesTrustedBeside) {
        AuthResultsParser.Parsed parsed;
        if (header.is(AUTHENTICATION_RESULTS)) {
            parsed = AuthResultsParser.authenticationResults(header.value(), false);
        } else if (header.is(ARC_AUTHENTICATION_RESULTS)) {
            parsed = AuthResultsParser.authenticationResults(header.value(), true);
        } else if (header.is(RECEIVED_SPF)) {
            parsed = AuthResultsParser.receivedSpf(header.value());
        } else {
            return Optional.empty();
        }
        boolean ofReceiver = parsed.authservId().map(chain::belongsToReceiver).orElse(false);
        boolean trusted = header.index() < chain.trustedAboveHeaderIndex();
        if (!trusted && ofReceiver && besideBoundary.contains(header.index())) {
            trusted = namesTrustedBeside.add(header.name().strip().toLowerCase(Locale.ROOT));
        }
        return Optional.of(new AuthenticationHeader(
                header.index(), header.name(), parsed.authservId(), ofReceiver, trusted, parsed.results()));
    }

    private static void warnAbout(AuthenticationHeader header, List<Anomaly> warnings) {
        String where = header.name() + " header " + header.headerIndex();
        if (header.results().isEmpty()) {
            warnings.add(new Anomaly("unparseable_authentication_results", where + " has no readable result"));
        }
        if (header.trusted()) {
            return;
        }
        warnings.add(new Anomaly(
                "untrusted_authentication_results", where + " was not added by the receiving infrastructure"));
        if (header.authservIdOfReceiver()) {
            // forged, or written by the same operator on the sender's side (one Microsoft tenant to another)
            warnings.add(new Anomaly(
                    "receiver_results_below_boundary",
                    where + " is in the receiver's name " + header.authservId().orElse("")
                            + " but sits below the point where the receiver took the message: possibly forged"));
        }
    }

    private static int rank(AuthenticationHeader header) {
        if (header.name().equalsIgnoreCase(AUTHENTICATION_RESULTS)) {
            return 0;
        }
        return header.name().equalsIgnoreCase(ARC_AUTHENTICATION_RESULTS) ? 1 : 2;
    }

    /** The first trusted header that speaks of the method; among its results a pass wins (one good signature). */
    private static Verdict verdict(List<AuthenticationHeader> trusted, String method) {
        for (AuthenticationHeader header : trusted) {
            List<AuthenticationResult> results = header.results().stream()
                    .filter(result -> result.method().equals(method))
                    .toList();
            if (!results.isEmpty()) {
                AuthenticationResult chosen = results.stream()
                        .filter(result -> result.result().equals("pass"))
                        .findFirst()
                        .orElse(results.get(0));
                return new Verdict(chosen.result(), domainOf(method, chosen), true);
            }
        }
        return Verdict.absent();
    }

    /** SPF speaks of the envelope sender, DKIM of the signing domain, DMARC of the visible From's domain. */
    private static Optional<String> domainOf(String method, AuthenticationResult result) {
        return switch (method) {
            case "spf" ->
                property(result, "smtp.mailfrom")
                        .map(AuthenticationReader::afterAt)
                        .or(() -> property(result, "smtp.helo"));
            case "dkim", "arc" ->
                property(result, "header.d")
                        .or(() -> property(result, "header.i").map(AuthenticationReader::afterAt));
            case "dmarc" -> property(result, "header.from").map(AuthenticationReader::afterAt);
            default -> Optional.empty();
        };
    }

    private static Optional<String> property(AuthenticationResult result, String name) {
        return Text.nonBlank(result.properties().get(name));
    }

    private static String afterAt(String addressOrDomain) {
        return Text.domainOfAddress(addressOrDomain).orElse(ReceivedParser.hostName(addressOrDomain));
    }
}
