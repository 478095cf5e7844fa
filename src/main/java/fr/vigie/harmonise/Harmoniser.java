package fr.vigie.harmonise;

import fr.vigie.forensics.HeaderFindings;
import fr.vigie.forensics.HeaderForensics;
import fr.vigie.i18n.LanguageGuesser;
import fr.vigie.identifier.Found;
import fr.vigie.identifier.Identifiers;
import fr.vigie.message.Evidence;
import fr.vigie.message.Header;
import fr.vigie.message.Link;
import fr.vigie.message.MessageKind;
import fr.vigie.message.Span;
import fr.vigie.message.TextPart;
import fr.vigie.message.Warning;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a person received into {@link Harmonised} facts. The stages, in order: bound and sniff the bytes;
 * read the MIME structure (or take the bytes as pasted text); examine the headers; extract the identifiers; guess
 * the language. Pure: it reads only the bytes or stream it is given.
 *
 * <p>Thread-safe: holds only immutable collaborators.
 */
public final class Harmoniser {
    private static final Set<String> SENDER_HEADERS = Set.of("from", "reply-to", "return-path", "sender", "subject");
    private static final Set<String> RECIPIENT_HEADERS =
            Set.of("to", "cc", "delivered-to", "x-original-to", "envelope-to", "x-delivered-to");

    private final Limits limits;
    private final HeaderForensics forensics;
    private final Identifiers identifiers;
    private final LanguageGuesser languages = new LanguageGuesser();

    public Harmoniser(Limits limits, HeaderForensics forensics, Identifiers identifiers) {
        this.limits = limits;
        this.forensics = forensics;
        this.identifiers = identifiers;
    }

    public Limits limits() {
        return limits;
    }

    /** Reads one message from a stream, never more than the limits allow, then harmonises it. */
    public Harmonised read(InputStream in) {
        return harmonise(InputGate.readBounded(in, limits));
    }

    /** Splits an mbox stream into messages, each to be handed to {@link #harmonise(byte[])}. */
    public Mbox mbox(InputStream in) {
        return new Mbox(in, limits);
    }

    /** Harmonises one message: an e-mail when it starts like one, pasted text otherwise. */
    public Harmonised harmonise(byte[] bytes) {
        if (bytes.length > limits.maxMessageBytes()) {
            throw MimeReader.limit(
                    "maxMessageBytes", "the message is larger than " + limits.maxMessageBytes() + " bytes");
        }
        InputGate.refuseBinary(bytes);
        List<Warning> warnings = new ArrayList<>();
        Evidence evidence = Evidence.of(bytes);
        byte[] message = withoutMboxSeparator(bytes);
        if (InputGate.looksLikeMail(message)) {
            return email(message, evidence, warnings);
        }
        Charsets.Decoded decoded = Charsets.decode(bytes, null, warnings::add);
        return text(decoded.text(), decoded.charset(), evidence, warnings);
    }

    /** True when {@link #harmonise(byte[])} would read these bytes as an e-mail, not as pasted text. */
    public static boolean looksLikeEmail(byte[] bytes) {
        return InputGate.looksLikeMail(withoutMboxSeparator(bytes));
    }

    /** Harmonises text typed or pasted by a person (an SMS, a chat): never read as an e-mail. */
    public Harmonised harmoniseText(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length > limits.maxTextBytes()) {
            throw MimeReader.limit("maxTextBytes", "the text is larger than " + limits.maxTextBytes() + " bytes");
        }
        List<Warning> warnings = new ArrayList<>();
        String clean = text;
        if (clean.indexOf('\0') >= 0) {
            warnings.add(new Warning("nul_removed", "NUL characters removed from the text"));
            clean = clean.replace("\0", "");
        }
        return text(clean, "utf-8", Evidence.of(bytes), warnings);
    }

    private Harmonised text(String text, String charset, Evidence evidence, List<Warning> warnings) {
        TextPart part = new TextPart(1, "text/plain", charset, false, text, List.of());
        List<Found> found = new ArrayList<>();
        extractFromParts(List.of(part), found);
        return new Harmonised(
                MessageKind.TEXT,
                evidence,
                null,
                List.of(),
                null,
                List.of(part),
                List.of(),
                cap(found, warnings),
                List.of(),
                languages.guess(text),
                warnings);
    }

    private Harmonised email(byte[] bytes, Evidence evidence, List<Warning> warnings) {
        MimeReader.Content content = MimeReader.read(bytes, limits, warnings::add);
        HeaderFindings findings = forensics.examine(content.headers(), bytes);
        String subject = null;
        List<Found> found = new ArrayList<>();
        Set<String> recipients = new LinkedHashSet<>();
        for (Header header : content.headers()) {
            String name = header.name().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("subject") && subject == null) {
                subject = header.value();
            }
            if (SENDER_HEADERS.contains(name)) {
                found.addAll(identifiers
                        .extract(header.value(), "header:" + header.name())
                        .found());
            } else if (RECIPIENT_HEADERS.contains(name)) {
                for (Found f : identifiers
                        .extract(header.value(), "header:" + header.name())
                        .found()) {
                    recipients.add(f.identifier().normalized());
                }
            }
        }
        extractFromParts(content.parts(), found);
        String language = languages.guess(languageSample(subject, content.parts()));
        return new Harmonised(
                MessageKind.EMAIL,
                evidence,
                subject,
                content.headers(),
                findings,
                content.parts(),
                content.attachments(),
                cap(found, warnings),
                List.copyOf(recipients),
                language,
                warnings);
    }

    private void extractFromParts(List<TextPart> parts, List<Found> found) {
        for (TextPart part : parts) {
            found.addAll(identifiers.extract(part.text(), part.name()).found());
            // Newsletters repeat the same target many times: read each target once per part.
            Map<String, List<Found>> targets = new HashMap<>();
            for (Link link : part.links()) {
                List<Found> inTarget = targets.computeIfAbsent(
                        link.href(),
                        href -> identifiers.extract(href, part.name() + ":href").found());
                for (Found f : inTarget) {
                    // The target hides behind the visible text: point at that text, keep the target as written.
                    found.add(new Found(
                            f.identifier(), f.written(), new Span(part.name() + ":href", link.start(), link.end())));
                }
            }
        }
    }

    private List<Found> cap(List<Found> found, List<Warning> warnings) {
        if (found.size() <= limits.maxIdentifiers()) {
            return found;
        }
        warnings.add(new Warning(
                "identifiers_truncated",
                found.size() + " identifiers found, only the first " + limits.maxIdentifiers()
                        + " kept (maxIdentifiers)"));
        return found.subList(0, limits.maxIdentifiers());
    }

    /**
     * A single message saved from a mailbox often starts with its mbox {@code From } line: that line is the
     * mailbox's, not the message's. The evidence stays the bytes as received.
     */
    private static byte[] withoutMboxSeparator(byte[] bytes) {
        if (!Mbox.looksLikeMbox(bytes)) {
            return bytes;
        }
        int newline = 0;
        while (newline < bytes.length && bytes[newline] != '\n') {
            newline++;
        }
        return newline + 1 < bytes.length ? java.util.Arrays.copyOfRange(bytes, newline + 1, bytes.length) : bytes;
    }

    /**
     * The subject and the parts, one per line, as far as the language guesser reads them: a long part is not
     * copied whole for its first few thousand characters.
     */
    private static CharSequence languageSample(String subject, List<TextPart> parts) {
        int size = subject == null ? 0 : subject.length() + 1;
        for (TextPart part : parts) {
            size += part.text().length() + 1;
        }
        StringBuilder sb = new StringBuilder(Math.min(size, LanguageGuesser.SAMPLE_CHARS + 2));
        if (subject != null) {
            sb.append(subject).append('\n');
        }
        for (TextPart part : parts) {
            if (sb.length() >= LanguageGuesser.SAMPLE_CHARS) {
                break;
            }
            String text = part.text();
            sb.append(text, 0, Math.min(text.length(), LanguageGuesser.SAMPLE_CHARS - sb.length() + 1))
                    .append('\n');
        }
        return sb;
    }
}
