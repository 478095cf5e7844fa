package fr.vigie.identifier;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns a written link into the parts of a {@link Url} in normal form. Stateless; thread-safe. */
final class UrlNormalizer {
    private static final int MAX_LENGTH = 4096;
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp");
    private static final String HEX = "0123456789ABCDEF";

    record Parts(String normalized, String host, Domain domain) {}

    private UrlNormalizer() {}

    static boolean isScheme(String scheme) {
        return SCHEMES.contains(scheme);
    }

    static Optional<Parts> normalize(String written) {
        if (written == null || written.isBlank() || written.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String text = Deobfuscated.of(written.strip()).text().replace('\\', '/');
        int schemeEnd = text.indexOf("://");
        String scheme = "http";
        String rest = text;
        if (schemeEnd >= 0) {
            scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            rest = text.substring(schemeEnd + 3);
        }
        if (!SCHEMES.contains(scheme)) {
            return Optional.empty();
        }
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1); // user info: "https://impots.gouv.fr@evil.example" goes to evil
        }
        Optional<HostPort> hostPort = HostPort.of(authority, scheme);
        if (hostPort.isEmpty()) {
            return Optional.empty();
        }
        String normalized = scheme + "://" + hostPort.get().text() + pathAndQuery(tail);
        return Optional.of(
                new Parts(normalized, hostPort.get().host(), hostPort.get().domain()));
    }

    /** The host in normal form ({@code [v6]} in brackets), its Domain if it is a name, and the port if not default. */
    private record HostPort(String host, Domain domain, String port) {
        static Optional<HostPort> of(String authority, String scheme) {
            String hostText = authority;
            String port = "";
            int closing = authority.lastIndexOf(']');
            int colon = authority.lastIndexOf(':');
            if (colon > closing) {
                hostText = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
            if (!port.isEmpty() && !isPort(port)) {
                return Optional.empty();
            }
            if (!port.isEmpty() && Integer.parseInt(port) == defaultPort(scheme)) {
                port = "";
            }
            if (hostText.startsWith("[") != hostText.endsWith("]")) {
                return Optional.empty();
            }
            Optional<Ip> ip = Ip.parse(hostText);
            if (ip.isPresent()) {
                String host = ip.get().isV6()
                        ? "[" + ip.get().normalized() + "]"
                        : ip.get().normalized();
                return Optional.of(new HostPort(host, null, port));
            }
            if (hostText.startsWith("[")) {
                return Optional.empty();
            }
            String keptPort = port;
            return Domain.parse(hostText).map(domain -> new HostPort(domain.normalized(), domain, keptPort));
        }

        String text() {
            return port.isEmpty() ? host : host + ":" + port;
        }
    }

    private static boolean isPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !Mtcn.allDigits(port)) {
            return false;
        }
        int value = Integer.parseInt(port);
        return value > 0 && value <= 65535;
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "ftp" -> 21;
            default -> 80;
        };
    }

    private static String pathAndQuery(String tail) {
        int hash = tail.indexOf('#');
        String noFragment = hash >= 0 ? tail.substring(0, hash) : tail;
        int question = noFragment.indexOf('?');
        String path = question >= 0 ? noFragment.substring(0, question) : noFragment;
        String query = question >= 0 ? withoutTracking(noFragment.substring(question + 1)) : "";
        String normalPath = path.isEmpty() ? "/" : encode(path);
        return query.isEmpty() ? normalPath : normalPath + "?" + encode(query);
    }

    private static String withoutTracking(String query) {
        StringBuilder kept = new StringBuilder(query.length());
        for (String parameter : query.split("&", -1)) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = (equals >= 0 ? parameter.substring(0, equals) : parameter).toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || Url.TRACKING_PARAMETERS.contains(name)) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(parameter);
        }
        return kept.toString();
    }

    /** Percent-encodes what is not printable ASCII (UTF-8), so one link has one spelling. */
    private static String encode(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < 0x7f) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            int codePoint = text.codePointAt(i);
            for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
            i += Character.charCount(codePoint) - 1;
        }
        return out == null ? text : out.toString();
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
