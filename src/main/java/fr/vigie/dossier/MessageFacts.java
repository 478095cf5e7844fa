package fr.vigie.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a dossier shows of one analysed message, read from the analysis the store keeps beside the evidence (the
 * JSON of {@code vigie check}): subject, senders, originating IP, authentication results, sender mismatches, red
 * flags. An analysis that cannot be read gives no facts rather than no dossier.
 */
record MessageFacts(
        Optional<String> subject,
        Optional<String> from,
        Optional<String> replyTo,
        Optional<String> returnPath,
        Optional<Origin> origin,
        int hops,
        List<Auth> authentication,
        List<String> mismatches,
        Optional<String> sendingClient,
        Optional<String> messageIdDomain,
        List<Flag> redFlags,
        boolean hasHeaders) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final MessageFacts NONE = new MessageFacts(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            false);

    /** The first hop's IP as the receiving side recorded it (or as the sender claimed it). */
    record Origin(String ip, Optional<String> reverseDns, Optional<String> helo, boolean recordedByReceiver) {}

    /** One of SPF, DKIM, DMARC: its result, the domain it concerns, and whether our own receiver wrote it. */
    record Auth(String method, String result, Optional<String> domain, boolean trusted) {}

    /** A red flag: its rule id and the explanation stored with it (in the language of the analysis). */
    record Flag(String id, String explanation) {}

    static MessageFacts read(Optional<String> analysisJson) {
        if (analysisJson.isEmpty()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(analysisJson.get());
        } catch (IOException e) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        List<Flag> flags = new ArrayList<>();
        for (JsonNode flag : root.path("redFlags")) {
            text(flag, "id")
                    .ifPresent(id ->
                            flags.add(new Flag(id, text(flag, "explanation").orElse(id))));
        }
        JsonNode headers = root.path("headers");
        if (!headers.isObject()) {
            return new MessageFacts(
                    text(root, "subject"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    List.of(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    flags,
                    false);
        }
        JsonNode origin = headers.path("originatingIp");
        Optional<Origin> where = text(origin, "ip")
                .map(ip -> new Origin(
                        ip,
                        text(origin, "reverseDns"),
                        text(origin, "helo"),
                        origin.path("recordedByReceiver").asBoolean(false)));
        List<Auth> auth = new ArrayList<>();
        for (String method : List.of("spf", "dkim", "dmarc")) {
            JsonNode v = headers.path(method);
            auth.add(new Auth(
                    method,
                    text(v, "result").orElse("none"),
                    text(v, "domain"),
                    v.path("trusted").asBoolean(false)));
        }
        List<String> mismatches = new ArrayList<>();
        for (JsonNode m : headers.path("mismatches")) {
            text(m, "code").ifPresent(mismatches::add);
        }
        JsonNode senders = headers.path("senders");
        return new MessageFacts(
                text(root, "subject"),
                address(senders.path("from")),
                address(senders.path("replyTo")),
                address(senders.path("returnPath")),
                where,
                headers.path("hops").size(),
                auth,
                mismatches,
                text(headers, "sendingClient"),
                text(headers, "messageIdDomain"),
                flags,
                true);
    }

    /** The domain of the sender shown, lower case. */
    Optional<String> fromDomain() {
        return from.flatMap(MessageFacts::domain);
    }

    Optional<String> returnPathDomain() {
        return returnPath.flatMap(MessageFacts::domain);
    }

    private static Optional<String> domain(String shown) {
        int at = shown.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String rest = shown.substring(at + 1);
        int end = rest.indexOf('>');
        return Optional.of((end < 0 ? rest : rest.substring(0, end)).strip().toLowerCase(java.util.Locale.ROOT))
                .filter(d -> !d.isEmpty());
    }

    private static Optional<String> address(JsonNode node) {
        Optional<String> address = text(node, "address");
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = text(node, "displayName").filter(n -> !n.isBlank());
        return Optional.of(
                name.map(n -> "\"" + n + "\" <" + address.get() + ">").orElse(address.get()));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
