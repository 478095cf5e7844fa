package fr.vigie.link;

/**
 * Why a value never links reports, whatever how many carry it. {@link #id()} is a warning list's name or one of
 * the computed reasons below; its words are {@code link.never.<id>} in the i18n bundles.
 */
public record NeverReason(String id) {
    /** A private or reserved address (RFC 1918, loopback, CGNAT, documentation...): never a sender's own. */
    public static final NeverReason PRIVATE_IP = new NeverReason("private_ip");
    /** A host that is itself a public suffix or under none: no organisation to point at. */
    public static final NeverReason NO_ORGANISATION = new NeverReason("no_organisation");
    /** One of the victim's own values (their address, their phone): product.md, never evidence. */
    public static final NeverReason VICTIM = new NeverReason("victim");
    /** One of the reporting unit's own addresses: it is in every forwarded report. */
    public static final NeverReason UNIT = new NeverReason("unit");
    /** A payment card: only ever the victim's own (product.md), kept as BIN and last four. */
    public static final NeverReason CARD = new NeverReason("card");

    public NeverReason {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a reason has an id");
        }
    }

    /** The i18n key of the words for this reason. */
    public String textKey() {
        return "link.never." + id;
    }
}
