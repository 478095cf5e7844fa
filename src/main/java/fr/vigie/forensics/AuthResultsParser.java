package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.AuthenticationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Authentication-Results and ARC-Authentication-Results (RFC 8601, RFC 8617) and Received-SPF (RFC 7208 9.1).
 * Tolerates what real receivers write: Microsoft's missing authserv-id, several results in one segment, comments
 * anywhere.
 */
final class AuthResultsParser {
    private static final Pattern PAIR =
            Pattern.compile("([A-Za-z0-9_./-]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s;]+)");
    private static final Pattern STARTS_WITH_PAIR = Pattern.compile("\\s*[A-Za-z0-9_./-]+\\s*=.*", Pattern.DOTALL);
    private static final Pattern SPF_RECEIVER = Pattern.compile("^\\s*([^\\s:]+):");
    // Compiled once: String.matches, split and replaceAll compile their pattern on every call.
    private static final Pattern ARC_INSTANCE = Pattern.compile("(?i)i\\s*=\\s*\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("/\\d+$");
    private static final Pattern SPACES_OR_SEMICOLONS = Pattern.compile("[\\s;]+");
    private static final Set<String> METHODS = Set.of(
            "spf",
            "dkim",
            "dmarc",
            "arc",
            "iprev",
            "auth",
            "bimi",
            "dkim-adsp",
            "dkim-atps",
            "sender-id",
            "domainkeys",
            "compauth",
            "vbr",
            "rrvs",
            "smime",
            "dnswl");

    /** What one header said: who says it (if written) and its results. */
    record Parsed(Optional<String> authservId, List<AuthenticationResult> results) {}

    private AuthResultsParser() {}

    static Parsed authenticationResults(String value, boolean arc) {
        List<String> segments = new ArrayList<>(Text.splitOutside(value, ';'));
        if (arc
                && !segments.isEmpty()
                && ARC_INSTANCE
                        .matcher(Text.stripComments(segments.get(0)).strip())
                        .matches()) {
            segments.remove(0); // the ARC instance tag comes before the authserv-id
        }
        Optional<String> authservId = Optional.empty();
        if (!segments.isEmpty()
                && !STARTS_WITH_PAIR
                        .matcher(Text.stripComments(segments.get(0)))
                        .matches()) {
            String first = Text.stripComments(segments.remove(0)).strip();
            authservId = Text.nonBlank(SPACES.split(first)[0]).map(ReceivedParser::hostName);
        }
        List<AuthenticationResult> results = new ArrayList<>();
        for (String segment : segments) {
            results.addAll(resultsIn(segment));
        }
        return new Parsed(authservId, results);
    }

    /** A segment normally holds one result, but some writers forget the ';' between two. */
    private static List<AuthenticationResult> resultsIn(String segment) {
        List<String> comments = Text.comments(segment);
        Matcher pair = PAIR.matcher(Text.stripComments(segment));
        List<AuthenticationResult> results = new ArrayList<>();
        String method = null;
        String result = null;
        String reason = null;
        Map<String, String> properties = new LinkedHashMap<>();
        while (pair.find()) {
            String key = pair.group(1).toLowerCase(Locale.ROOT);
            String bareMethod = VERSION_SUFFIX.matcher(key).replaceAll("");
            String pairValue = Text.unquote(pair.group(2));
            boolean startsResult = (METHODS.contains(bareMethod) || bareMethod.startsWith("x-")) && !key.contains(".");
            if (method == null || startsResult) {
                if (method != null) {
                    results.add(new AuthenticationResult(
                            method, result, Optional.ofNullable(reason), properties, comments));
                }
                method = bareMethod;
                result = pairValue.toLowerCase(Locale.ROOT);
                reason = null;
                properties = new LinkedHashMap<>();
            } else if (key.equals("reason")) {
                reason = pairValue;
            } else {
                properties.putIfAbsent(key, pairValue);
            }
        }
        if (method != null) {
            results.add(new AuthenticationResult(method, result, Optional.ofNullable(reason), properties, comments));
        }
        return results;
    }

    /**
     * {@code pass (mybox.example.org: domain of a@example.com designates 192.0.2.1 as permitted sender)
     * receiver=mybox.example.org; client-ip=192.0.2.1; envelope-from="a@example.com"; helo=foo.example.com;}
     */
    static Parsed receivedSpf(String value) {
        String withoutComments = Text.stripComments(value).strip();
        if (withoutComments.isEmpty()) {
            return new Parsed(Optional.empty(), List.of());
        }
        String result = SPACES_OR_SEMICOLONS.split(withoutComments)[0].toLowerCase(Locale.ROOT);
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher pair = PAIR.matcher(withoutComments.substring(result.length()));
        while (pair.find()) {
            properties.putIfAbsent(pair.group(1).toLowerCase(Locale.ROOT), Text.unquote(pair.group(2)));
        }
        List<String> comments = Text.comments(value);
        Optional<String> receiver = Optional.ofNullable(properties.get("receiver"));
        if (receiver.isEmpty() && !comments.isEmpty()) {
            Matcher named = SPF_RECEIVER.matcher(comments.get(0));
            receiver = named.find() ? Optional.of(named.group(1)) : Optional.empty();
        }
        if (properties.containsKey("envelope-from")) {
            properties.put("smtp.mailfrom", properties.get("envelope-from"));
        }
        if (properties.containsKey("helo")) {
            properties.put("smtp.helo", properties.get("helo"));
        }
        AuthenticationResult spf = new AuthenticationResult("spf", result, Optional.empty(), properties, comments);
        return new Parsed(receiver.map(ReceivedParser::hostName), List.of(spf));
    }
}
