package fr.vigie.report;

import java.util.Objects;

/**
 * A file as the victim gave it. The bytes are kept exactly; the name and type are only what the sender claimed.
 *
 * @param bytes never changed after this point (the record does not copy them: callers hand over their array)
 */
public record EvidenceFile(String filename, String mediaType, byte[] bytes) {
    public EvidenceFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
    }
}
