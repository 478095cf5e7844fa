package fr.vigie.detect;

import fr.vigie.forensics.HeaderFindings;
import fr.vigie.forensics.HeaderFindings.AuthenticationHeader;
import fr.vigie.forensics.HeaderFindings.Mismatch;
import fr.vigie.message.Header;
import fr.vigie.rules.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Header rules over the forensic findings. Evidence points at the header value the finding is about: the From
 * display name for an impersonation, the address for a free-mail sender, the whole Reply-To for a reply elsewhere.
 */
final class HeaderEvaluator {
    private HeaderEvaluator() {}

    /** The evidence if the rule fires (possibly an empty list), empty if it does not. */
    static Optional<List<RedFlag.Evidence>> evaluate(Matcher.HeaderSigns signs, MessageView view) {
        HeaderFindings findings = view.message().headerFindings();
        if (findings == null) {
            return Optional.empty();
        }
        boolean fired = false;
        List<RedFlag.Evidence> evidence = new ArrayList<>();
        for (Mismatch mismatch : findings.mismatches()) {
            if (signs.mismatches().contains(mismatch.code())) {
                fired = true;
                mismatchEvidence(mismatch.code(), findings, view).ifPresent(evidence::add);
            }
        }
        for (HeaderFindings.Anomaly warning : findings.warnings()) {
            fired |= signs.warnings().contains(warning.code());
        }
        for (Map.Entry<String, List<String>> auth : signs.auth().entrySet()) {
            HeaderFindings.Verdict verdict = verdict(findings.authentication(), auth.getKey());
            if (verdict.trusted() && auth.getValue().contains(verdict.result())) {
                fired = true;
                authEvidence(findings, auth.getKey(), view).ifPresent(evidence::add);
            }
        }
        return fired ? Optional.of(evidence.stream().distinct().toList()) : Optional.empty();
    }

    private static HeaderFindings.Verdict verdict(HeaderFindings.Authentication authentication, String method) {
        return switch (method) {
            case "spf" -> authentication.spf();
            case "dkim" -> authentication.dkim();
            case "dmarc" -> authentication.dmarc();
            default -> authentication.arc();
        };
    }

    private static Optional<RedFlag.Evidence> mismatchEvidence(String code, HeaderFindings findings, MessageView view) {
        String headerName = code.startsWith("reply_to")
                ? "Reply-To"
                : code.startsWith("return_path")
                        ? "Return-Path"
                        : code.startsWith("sender_") ? "Sender" : code.startsWith("message_id") ? "Message-ID" : "From";
        Optional<Header> header = view.firstHeader(headerName);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().value();
        String wanted = value.strip();
        if (headerName.equals("From") && findings.senders().from().isPresent()) {
            HeaderFindings.MailAddress from = findings.senders().from().get();
            wanted = code.startsWith("display_name") && !from.displayName().isBlank()
                    ? from.displayName()
                    : from.address();
        }
        int start = value.indexOf(wanted);
        if (start < 0) {
            start = value.indexOf(value.strip());
            wanted = value.strip();
        }
        return view.evidence("header:" + header.get().name(), start, start + wanted.length());
    }

    /** The trusted header that gave the verdict, when it is the first of its name (part names cannot say which). */
    private static Optional<RedFlag.Evidence> authEvidence(HeaderFindings findings, String method, MessageView view) {
        for (AuthenticationHeader header : findings.authentication().headers()) {
            boolean gives = header.trusted()
                    && header.results().stream()
                            .anyMatch(result -> result.method().equals(method));
            if (!gives) {
                continue;
            }
            Optional<Header> first = view.firstHeader(header.name());
            if (first.isPresent() && first.get().index() == header.headerIndex()) {
                String value = first.get().value();
                int start = value.indexOf(method + "=");
                int end = start < 0 ? -1 : endOfWord(value, start);
                return start < 0
                        ? Optional.empty()
                        : view.evidence("header:" + first.get().name(), start, end);
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static int endOfWord(String value, int start) {
        int end = start;
        while (end < value.length() && !Character.isWhitespace(value.charAt(end)) && value.charAt(end) != ';') {
            end++;
        }
        return end;
    }
}
