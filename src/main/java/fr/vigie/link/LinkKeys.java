package fr.vigie.link;

import fr.vigie.identifier.Domain;
import fr.vigie.identifier.Email;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Url;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values a report is posted under, one posting (report, key) each, from its identifiers. Most identifiers are
 * their own key. A link is also keyed by its host's organisation, and an e-mail address by its domain's: a link's
 * full normal form keeps its path and query, which scam kits fill per victim ({@code /track?id=8F3A...}), so two
 * waves of one campaign rarely share a whole link but do share its host. A domain is keyed by its registrable
 * domain, so {@code www.secure-ameli.fr} and {@code pay.secure-ameli.fr} meet. Which keys actually link is
 * {@link NeverLink}'s and {@link LinkPolicy}'s business.
 */
public final class LinkKeys {
    private LinkKeys() {}

    /** The keys of one identifier: itself, or its organisation's domain, or both. */
    public static List<Identifier> of(Identifier identifier) {
        return switch (identifier) {
            case Url url ->
                url.domain() != null
                        ? withOrganisation(url, url.domain())
                        : url.ip().<List<Identifier>>map(ip -> List.of(url, ip)).orElse(List.of(url));
            case Email email -> withOrganisation(email, email.domain());
            case Domain domain ->
                organisation(domain).<List<Identifier>>map(List::of).orElse(List.of(domain));
            default -> List.of(identifier);
        };
    }

    /** The keys of all of a report's identifiers, each once, in the order first met. */
    public static List<Identifier> ofAll(Collection<? extends Identifier> identifiers) {
        Set<Identifier> keys = new LinkedHashSet<>();
        for (Identifier identifier : identifiers) {
            keys.addAll(of(identifier));
        }
        return List.copyOf(keys);
    }

    private static List<Identifier> withOrganisation(Identifier identifier, Domain domain) {
        return organisation(domain)
                .<List<Identifier>>map(org -> List.of(identifier, org))
                .orElse(List.of(identifier));
    }

    /** The registrable domain as a {@link Domain}; empty for a public suffix or a name under none. */
    private static Optional<Domain> organisation(Domain domain) {
        if (domain.registrable() == null) {
            return Optional.empty();
        }
        return domain.registrable().equals(domain.normalized())
                ? Optional.of(domain)
                : Domain.parse(domain.registrable());
    }
}
