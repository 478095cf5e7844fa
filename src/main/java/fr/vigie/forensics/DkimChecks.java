package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.Anomaly;
import fr.vigie.forensics.HeaderFindings.DkimSignature;
import fr.vigie.message.Header;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.Result;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * Reads each DKIM-Signature's tags and, when a key source is given, verifies the signatures over the raw bytes with
 * jDKIM. The key source is the only door to the outside: without it nothing is looked up.
 */
final class DkimChecks {
    static final String NOT_CHECKED = "not_checked";

    private DkimChecks() {}

    static List<DkimSignature> check(
            List<Header> headers, byte[] rawMessage, Optional<PublicKeyRecordRetriever> keys, List<Anomaly> warnings) {
        List<Header> signatures =
                headers.stream().filter(header -> header.is("DKIM-Signature")).toList();
        if (signatures.isEmpty()) {
            return List.of();
        }
        boolean canVerify = keys.isPresent() && rawMessage != null && rawMessage.length > 0;
        if (keys.isPresent() && !canVerify) {
            warnings.add(new Anomaly("dkim_not_verified", "no raw message bytes to verify DKIM signatures against"));
        }
        List<Result> results = canVerify ? verify(rawMessage, keys.get(), warnings) : List.of();
        List<DkimSignature> checked = new ArrayList<>();
        for (Header header : signatures) {
            Map<String, String> tags = tags(header.value());
            if (!tags.containsKey("d") || !tags.containsKey("b")) {
                warnings.add(new Anomaly(
                        "unparseable_dkim_signature", "DKIM-Signature header " + header.index() + " lacks d= or b="));
            }
            Outcome outcome = canVerify ? outcomeOf(tags, results) : new Outcome(NOT_CHECKED, null);
            checked.add(new DkimSignature(
                    header.index(),
                    Text.nonBlank(tags.get("d")).map(ReceivedParser::hostName),
                    Text.nonBlank(tags.get("s")),
                    Text.nonBlank(tags.get("a")),
                    signedHeaders(tags.get("h")),
                    outcome.result(),
                    Optional.ofNullable(outcome.detail())));
        }
        return checked;
    }

    /** jDKIM throws when no signature verifies; the per-signature results are still kept by the verifier. */
    private static List<Result> verify(byte[] rawMessage, PublicKeyRecordRetriever keys, List<Anomaly> warnings) {
        DKIMVerifier verifier = new DKIMVerifier(keys);
        try {
            verifier.verify(new ByteArrayInputStream(rawMessage));
        } catch (FailException expectedWhenNoSignatureVerifies) {
            // each failure is in getResults()
        } catch (Exception | StackOverflowError unexpected) {
            warnings.add(new Anomaly(
                    "dkim_verification_error", unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage()));
        }
        return List.copyOf(verifier.getResults());
    }

    private record Outcome(String result, String detail) {}

    /** Finds this signature's result by its b= value, the one tag two signatures never share. */
    private static Outcome outcomeOf(Map<String, String> tags, List<Result> results) {
        String signature = compact(tags.getOrDefault("b", ""));
        for (Result result : results) {
            boolean sameRecord = result.getRecord() != null
                    && result.getRecord().getRawSignature() != null
                    && compact(result.getRecord().getRawSignature().toString()).equals(signature);
            boolean sameField = result.getDkimRawField() != null
                    && !signature.isEmpty()
                    && compact(result.getDkimRawField()).contains(signature);
            if (sameRecord || sameField) {
                String type = result.getResultType().name().toLowerCase(Locale.ROOT);
                return new Outcome(type, result.getErrorMessage());
            }
        }
        return new Outcome("permerror", "the verifier gave no result for this signature");
    }

    static Map<String, String> tags(String value) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                String name = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
                tags.putIfAbsent(name, part.substring(equals + 1).strip());
            }
        }
        return tags;
    }

    private static List<String> signedHeaders(String h) {
        if (h == null || h.isBlank()) {
            return List.of();
        }
        return Arrays.stream(h.split(":"))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }
}
