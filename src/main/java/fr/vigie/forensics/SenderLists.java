package fr.vigie.forensics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lists the sender checks read: free-mail domains ({@code gmail.com}) and authority names (INTERPOL, police,
 * gendarmerie...) that scammers put in display names. Loaded from data files by the application; domains are kept
 * lower-case, names as given (they are folded when compared).
 */
public record SenderLists(Set<String> freeMailDomains, List<String> authorityNames) {
    public SenderLists {
        freeMailDomains = Objects.requireNonNull(freeMailDomains, "freeMailDomains").stream()
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .filter(domain -> !domain.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        authorityNames = Objects.requireNonNull(authorityNames, "authorityNames").stream()
                .filter(name -> !Text.fold(name).isEmpty())
                .toList();
    }

    public static SenderLists empty() {
        return new SenderLists(Set.of(), List.of());
    }
}
