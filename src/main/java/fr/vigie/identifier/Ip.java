package fr.vigie.identifier;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address in canonical text (IPv6 per RFC 5952). {@code privateOrReserved} flags the ranges that
 * never identify a sender on the internet (RFC 1918, loopback, link-local, CGNAT, documentation, multicast...).
 */
public record Ip(String normalized, boolean privateOrReserved) implements Identifier {

    /** Parses a literal address (no DNS is ever asked); brackets and an IPv6 zone are not accepted. */
    public static Optional<Ip> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.regionMatches(true, 0, "IPv6:", 0, 5)) {
            t = t.substring(5);
        }
        if (t.isEmpty() || t.length() > 45 || t.indexOf('%') >= 0 || !InetAddresses.isInetAddress(t)) {
            return Optional.empty();
        }
        InetAddress address = InetAddresses.forString(t);
        return Optional.of(new Ip(InetAddresses.toAddrString(address), isPrivateOrReserved(address)));
    }

    @Override
    public Kind kind() {
        return Kind.IP;
    }

    public boolean isV6() {
        return normalized.indexOf(':') >= 0;
    }

    static boolean isPrivateOrReserved(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isReservedV4(b);
        }
        if (address instanceof Inet6Address) {
            return isReservedV6(b);
        }
        return true;
    }

    private static boolean isReservedV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return a0 == 0 // "this network"
                || a0 == 10 // RFC 1918
                || a0 == 127 // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // CGNAT, RFC 6598
                || (a0 == 169 && a1 == 254) // link-local
                || (a0 == 172 && a1 >= 16 && a1 <= 31) // RFC 1918
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2) // TEST-NET-1
                || (a0 == 192 && a1 == 168) // RFC 1918
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
                || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
                || a0 >= 224; // multicast, reserved, broadcast
    }

    private static boolean isReservedV6(byte[] b) {
        boolean allZeroPrefix = true;
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                allZeroPrefix = false;
                break;
            }
        }
        if (allZeroPrefix) {
            return true; // :: and ::1
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xfc || b0 == 0xfd) {
            return true; // unique local fc00::/7
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return true; // link-local fe80::/10
        }
        if (b0 == 0xff) {
            return true; // multicast
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) {
            return true; // documentation 2001:db8::/32
        }
        boolean mapped = true; // ::ffff:a.b.c.d: judge the IPv4 address inside
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isReservedV4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        return false;
    }
}
