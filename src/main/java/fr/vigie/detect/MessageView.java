package fr.vigie.detect;

import fr.vigie.harmonise.Harmonised;
import fr.vigie.identifier.Found;
import fr.vigie.message.Header;
import fr.vigie.message.Span;
import fr.vigie.message.TextPart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The texts of one message that rules read (subject, From, each body part), how to find the original text behind
 * any part name, and where the victim's own identifiers sit so that nothing there counts as evidence.
 */
final class MessageView {
    /** A text the rules read, under its part name. */
    record Source(String part, String text) {}

    private final Harmonised message;
    private final List<Source> sources;
    private final Set<String> recipients;
    private final Map<String, List<int[]>> masked = new HashMap<>();

    private MessageView(Harmonised message) {
        this.message = message;
        this.recipients = new HashSet<>(message.recipients());
        this.sources = new ArrayList<>();
        firstHeader("Subject").ifPresent(h -> sources.add(new Source("header:" + h.name(), h.value())));
        firstHeader("From").ifPresent(h -> sources.add(new Source("header:" + h.name(), h.value())));
        if (message.headers().isEmpty() && message.subject() != null) {
            sources.add(new Source("header:Subject", message.subject()));
        }
        for (TextPart part : message.parts()) {
            sources.add(new Source(part.name(), part.text()));
        }
        for (Found found : message.identifiers()) {
            if (isRecipient(found)) {
                Span span = found.span();
                masked.computeIfAbsent(span.part(), k -> new ArrayList<>()).add(new int[] {span.start(), span.end()});
            }
        }
    }

    static MessageView of(Harmonised message) {
        return new MessageView(message);
    }

    Harmonised message() {
        return message;
    }

    List<Source> sources() {
        return sources;
    }

    boolean isRecipient(Found found) {
        return recipients.contains(found.identifier().normalized());
    }

    /** True when the range overlaps one of the victim's own identifiers in that part. */
    boolean masked(String part, int start, int end) {
        List<int[]> ranges = masked.get(part);
        if (ranges == null) {
            return false;
        }
        for (int[] range : ranges) {
            if (start < range[1] && range[0] < end) {
                return true;
            }
        }
        return false;
    }

    Optional<Header> firstHeader(String name) {
        return message.headers().stream().filter(h -> h.is(name)).findFirst();
    }

    /** The original text a part name points into, if the message has that part. */
    Optional<String> text(String part) {
        if (part.startsWith("header:")) {
            String name = part.substring("header:".length());
            if (name.equalsIgnoreCase("Subject") && message.headers().isEmpty()) {
                return Optional.ofNullable(message.subject());
            }
            return firstHeader(name).map(Header::value);
        }
        if (part.startsWith("body:")) {
            String rest = part.substring("body:".length());
            int colon = rest.indexOf(':');
            String number = colon < 0 ? rest : rest.substring(0, colon);
            for (TextPart textPart : message.parts()) {
                if (String.valueOf(textPart.index()).equals(number)) {
                    return Optional.of(textPart.text());
                }
            }
        }
        return Optional.empty();
    }

    /** Evidence for a span, with the original text at it; empty if the span does not fit its part. */
    Optional<RedFlag.Evidence> evidence(Span span) {
        return evidence(span.part(), span.start(), span.end());
    }

    Optional<RedFlag.Evidence> evidence(String part, int start, int end) {
        return text(part)
                .filter(text -> end <= text.length() && start < end)
                .map(text -> new RedFlag.Evidence(part, start, end, text.substring(start, end)));
    }
}
