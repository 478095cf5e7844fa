package fr.vigie.harmonise;

/**
 * How much of a hostile message Vigie is willing to read. Over any of these the message is refused with a
 * {@link fr.vigie.BadInputException} whose code is {@code limit.<name>} (for example {@code limit.maxDepth}), so
 * memory stays bounded whatever arrives. Use {@link #DEFAULT} for mail and {@link #STRICT} for anonymous uploads.
 *
 * @param maxMessageBytes the whole message as received
 * @param maxHeaderBytes one header section (of the message or of a part)
 * @param maxHeaderCount header fields in one section
 * @param maxLineLength one physical line (headers and MIME boundaries)
 * @param maxDepth nesting of multiparts and attached messages
 * @param maxParts MIME entities in the whole message
 * @param maxTextBytes decoded bytes of all text parts together (a base64 or quoted-printable bomb stops here)
 * @param maxIdentifiers identifiers kept per message (more are dropped with a warning)
 */
public record Limits(
        int maxMessageBytes,
        int maxHeaderBytes,
        int maxHeaderCount,
        int maxLineLength,
        int maxDepth,
        int maxParts,
        int maxTextBytes,
        int maxIdentifiers) {

    private static final int MIB = 1024 * 1024;

    public static final Limits DEFAULT = new Limits(40 * MIB, MIB, 1_000, 1_000_000, 20, 500, 8 * MIB, 2_000);

    public static final Limits STRICT = new Limits(10 * MIB, 256 * 1024, 300, 100_000, 10, 100, 2 * MIB, 500);

    public Limits {
        if (maxMessageBytes <= 0
                || maxHeaderBytes <= 0
                || maxHeaderCount <= 0
                || maxLineLength <= 0
                || maxDepth <= 0
                || maxParts <= 0
                || maxTextBytes <= 0
                || maxIdentifiers <= 0) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }
}
