package fr.vigie.identifier;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A web link in normal form: scheme and host lower-case, host in ASCII (IDNA), default port, user info, fragment
 * and tracking parameters ({@link #TRACKING_PARAMETERS}) removed, an empty path written {@code /}, characters
 * outside printable ASCII percent-encoded. Defanged input ({@code hxxps://secure-ameli[.]fr}) and links without a
 * scheme ({@code www.example.fr/path}, read as {@code http://}) are understood. {@code host} is the host as it
 * appears in the normal form ({@code [2001:db8::1]} for IPv6); {@code domain} is that host as a {@link Domain}
 * (its registrable domain beside it), or {@code null} when the host is an IP literal (see {@link #ip()}).
 */
public record Url(String normalized, String host, Domain domain) implements Identifier {

    /** Query parameters that only tell the sender who clicked, removed by exact name; plus any {@code utm_*}. */
    public static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "gclsrc",
            "msclkid",
            "yclid",
            "twclid",
            "ttclid",
            "li_fat_id",
            "igshid",
            "mc_eid",
            "mc_cid",
            "_hsenc",
            "_hsmi",
            "__hssc",
            "__hstc",
            "__hsfp",
            "hsctatracking",
            "mkt_tok",
            "_ga",
            "_gl",
            "oly_anon_id",
            "oly_enc_id",
            "vero_id",
            "vero_conv",
            "rb_clickid",
            "s_cid",
            "ncid",
            "wickedid",
            "ef_id");

    /**
     * Checks the shape of the normal form without normalising it again (that would double the cost of every link
     * found): a known scheme, then the host, then a path; the domain is the host's, or absent for an IP literal.
     * {@link #parse} is the way to build one from what was written.
     */
    public Url {
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(host, "host");
        int schemeEnd = normalized.indexOf("://");
        boolean shaped = schemeEnd > 0
                && UrlNormalizer.isScheme(normalized.substring(0, schemeEnd))
                && normalized.startsWith(host, schemeEnd + 3)
                && normalized.indexOf('/', schemeEnd + 3) >= schemeEnd + 3 + host.length()
                && !normalized.contains("#")
                && host.equals(host.toLowerCase(java.util.Locale.ROOT));
        boolean hostMatches = domain == null
                ? Ip.parse(host).isPresent()
                : domain.normalized().equals(host);
        if (!shaped || !hostMatches) {
            throw new IllegalArgumentException("not a URL in normal form");
        }
    }

    public static Optional<Url> parse(String written) {
        return UrlNormalizer.normalize(written).map(parts -> new Url(parts.normalized(), parts.host(), parts.domain()));
    }

    /** The host as an IP address when it is one. */
    public Optional<Ip> ip() {
        return domain == null ? Ip.parse(host) : Optional.empty();
    }

    public String scheme() {
        return normalized.substring(0, normalized.indexOf(':'));
    }

    /** The part after the host: path and query, never empty ({@code /} at least). */
    public String pathAndQuery() {
        int hostEnd = normalized.indexOf('/', scheme().length() + 3);
        return normalized.substring(hostEnd);
    }

    @Override
    public Kind kind() {
        return Kind.URL;
    }

    /** Defanged, so that it cannot be clicked where it is shown: {@code hxxps://secure-ameli[.]fr/login}. */
    @Override
    public String display() {
        String scheme = scheme();
        String shownScheme = scheme.startsWith("http") ? "hxxp" + scheme.substring(4) : scheme;
        int hostEnd = normalized.indexOf('/', scheme.length() + 3);
        String authority = normalized.substring(scheme.length() + 3, hostEnd);
        return shownScheme + "://" + authority.replace(".", "[.]") + normalized.substring(hostEnd);
    }
}
