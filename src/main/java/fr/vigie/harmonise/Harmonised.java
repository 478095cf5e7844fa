package fr.vigie.harmonise;

import fr.vigie.forensics.HeaderFindings;
import fr.vigie.identifier.Found;
import fr.vigie.message.Attachment;
import fr.vigie.message.Evidence;
import fr.vigie.message.Header;
import fr.vigie.message.MessageKind;
import fr.vigie.message.TextPart;
import fr.vigie.message.Warning;
import java.util.List;
import java.util.Optional;

/**
 * A received message as clean facts: what it is, its evidence hash, its header fields and the forensic findings
 * on them (e-mail only), its text parts and attachments, every identifier in normal form with where it was found,
 * its language ({@code fr}, {@code en}, {@code de}, {@code es}, {@code pt} or {@code und}), and what was
 * tolerated on the way.
 *
 * @param recipients the normal forms of the addresses the message was delivered to: the victim's own, which
 *     never count as evidence against the sender
 */
public record Harmonised(
        MessageKind kind,
        Evidence evidence,
        String subject,
        List<Header> headers,
        HeaderFindings headerFindings,
        List<TextPart> parts,
        List<Attachment> attachments,
        List<Found> identifiers,
        List<String> recipients,
        String language,
        List<Warning> warnings) {

    public Harmonised {
        headers = List.copyOf(headers);
        parts = List.copyOf(parts);
        attachments = List.copyOf(attachments);
        identifiers = List.copyOf(identifiers);
        recipients = List.copyOf(recipients);
        warnings = List.copyOf(warnings);
    }

    public Optional<HeaderFindings> findings() {
        return Optional.ofNullable(headerFindings);
    }

    /** All readable text: the subject then each part, separated by blank lines. */
    public String fullText() {
        int size = subject == null ? 0 : subject.length() + 2;
        for (TextPart part : parts) {
            size += part.text().length() + 2;
        }
        StringBuilder sb = new StringBuilder(size);
        if (subject != null && !subject.isEmpty()) {
            sb.append(subject).append("\n\n");
        }
        for (TextPart part : parts) {
            sb.append(part.text()).append("\n\n");
        }
        return sb.toString();
    }
}
