package fr.vigie.link;

import com.google.common.net.InetAddresses;
import fr.vigie.identifier.Card;
import fr.vigie.identifier.Domain;
import fr.vigie.identifier.Email;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Ip;
import fr.vigie.identifier.Url;
import fr.vigie.rules.WarningList;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The values that never link two reports, however rare: hosts on the hostname warning lists handed in (and any
 * sub-domain, as the list format says), e-mail addresses at those hosts except at mail providers (anyone opens an
 * address at gmail.com, so {@code x@gmail.com} links while {@code gmail.com} does not; an address at interpol.int
 * in a scam is forged, so it does not), addresses in the {@code cidr} lists, private and reserved addresses
 * (computed by {@link Ip}), hosts with no organisation, payment cards (always the victim's), the reporting unit's own
 * values, and the victim's own values of each report. Immutable and thread-safe.
 */
public final class NeverLink {
    private final Map<String, String> listOfHost = new HashMap<>();
    private final Set<String> mailProviderLists;
    private final List<Block> blocks = new ArrayList<>();
    private final Set<String> unitOwn;

    /**
     * @param lists warning lists of type {@code hostname} or {@code cidr}; the first list naming a host gives the
     *     reason
     * @param mailProviderLists names of the lists whose hosts are mail providers (addresses there still link)
     * @param unitOwn the reporting unit's own values, in normal form (its reporting addresses, its phone numbers)
     */
    public NeverLink(List<WarningList> lists, Set<String> mailProviderLists, Set<String> unitOwn) {
        for (WarningList list : lists) {
            switch (list.type()) {
                case "hostname" -> list.entries().forEach(host -> listOfHost.putIfAbsent(host, list.name()));
                case "cidr" -> list.entries().forEach(entry -> blocks.add(Block.parse(entry, list.name())));
                default ->
                    throw new IllegalArgumentException(
                            "list " + list.name() + " is of type " + list.type() + ", not hostname or cidr");
            }
        }
        this.mailProviderLists = Set.copyOf(mailProviderLists);
        this.unitOwn = Set.copyOf(unitOwn);
    }

    /** Why {@code key} never links, if it never does; {@code victimOwn} is the victim's own values of the report. */
    public Optional<NeverReason> reason(Identifier key, Set<String> victimOwn) {
        Objects.requireNonNull(key, "key");
        if (victimOwn.contains(key.normalized())) {
            return Optional.of(NeverReason.VICTIM);
        }
        if (unitOwn.contains(key.normalized())) {
            return Optional.of(NeverReason.UNIT);
        }
        return switch (key) {
            case Card card -> Optional.of(NeverReason.CARD);
            case Ip ip -> ipReason(ip);
            case Domain domain -> domainReason(domain, victimOwn);
            case Email email ->
                listOf(email.domain().normalized())
                        .filter(list -> !mailProviderLists.contains(list))
                        .map(NeverReason::new);
            case Url url -> url.ip().isPresent() ? ipReason(url.ip().get()) : bareListedHost(url);
            default -> Optional.empty();
        };
    }

    /** The warning list naming {@code host} or one of its parent domains, if any. */
    public Optional<String> listOf(String host) {
        String name = host;
        while (true) {
            String list = listOfHost.get(name);
            if (list != null) {
                return Optional.of(list);
            }
            int dot = name.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            name = name.substring(dot + 1);
        }
    }

    private Optional<NeverReason> ipReason(Ip ip) {
        if (ip.privateOrReserved()) {
            return Optional.of(NeverReason.PRIVATE_IP);
        }
        byte[] address = InetAddresses.forString(ip.normalized()).getAddress();
        return blocks.stream()
                .filter(block -> block.contains(address))
                .findFirst()
                .map(block -> new NeverReason(block.list()));
    }

    private Optional<NeverReason> domainReason(Domain domain, Set<String> victimOwn) {
        if (domain.registrable() == null) {
            return Optional.of(NeverReason.NO_ORGANISATION);
        }
        Optional<String> list = listOf(domain.normalized());
        if (list.isPresent()) {
            return list.map(NeverReason::new);
        }
        // The domain of an own address is own too: the victim's company (CEO fraud forges addresses at it), the
        // unit's own domain (in every forwarded report).
        if (ownDomain(domain, victimOwn)) {
            return Optional.of(NeverReason.VICTIM);
        }
        return ownDomain(domain, unitOwn) ? Optional.of(NeverReason.UNIT) : Optional.empty();
    }

    private static boolean ownDomain(Domain domain, Set<String> own) {
        String organisation = domain.organisation();
        for (String value : own) {
            if (value.endsWith("@" + organisation)
                    || value.endsWith("." + organisation)
                    || value.equals(organisation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A link to a listed host with nothing after it ({@code https://www.google.com/}) is the platform itself; with a
     * path it is a page there, which {@link LinkPolicy} lets link weakly.
     */
    private Optional<NeverReason> bareListedHost(Url url) {
        if (!url.pathAndQuery().equals("/")) {
            return Optional.empty();
        }
        return listOf(url.host()).map(NeverReason::new);
    }

    /** An address block of a {@code cidr} list. */
    private record Block(byte[] network, int length, String list) {
        static Block parse(String entry, String list) {
            int slash = entry.indexOf('/');
            InetAddress address = InetAddresses.forString(slash < 0 ? entry : entry.substring(0, slash));
            int bits = address.getAddress().length * 8;
            int length = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            return new Block(address.getAddress(), length, list);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < length; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
