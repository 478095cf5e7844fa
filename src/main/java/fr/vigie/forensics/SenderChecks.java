package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.MailAddress;
import fr.vigie.forensics.HeaderFindings.Mismatch;
import fr.vigie.forensics.HeaderFindings.Senders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the sender fields with each other and with the lists: who the message says it is from, where answers
 * and bounces go, and whether the display name borrows an authority's name or another address. Codes are stable.
 */
final class SenderChecks {
    /** An authority's name as listed, folded, and folded without spaces: folded once, not once per message. */
    private record Authority(String name, String folded, String compact) {}

    private final SenderLists lists;
    private final List<Authority> authorities;

    SenderChecks(SenderLists lists) {
        this.lists = lists;
        this.authorities = lists.authorityNames().stream()
                .map(name -> {
                    String folded = Text.fold(name);
                    return new Authority(name, folded, folded.replace(" ", ""));
                })
                .toList();
    }

    List<Mismatch> check(Senders senders, Optional<String> messageIdDomain) {
        List<Mismatch> mismatches = new ArrayList<>();
        if (senders.from().isEmpty()) {
            return mismatches;
        }
        MailAddress from = senders.from().get();
        compare("reply_to", from, senders.replyTo(), mismatches);
        compare("return_path", from, senders.returnPath(), mismatches);
        compare("sender", from, senders.sender(), mismatches);
        messageIdDomain
                .filter(domain -> !organisation(domain).equals(organisation(from.domain())))
                .ifPresent(domain -> mismatches.add(new Mismatch(
                        "message_id_other_organisation", "Message-ID from " + domain + ", From at " + from.domain())));
        impersonatedAuthority(from).ifPresent(mismatches::add);
        otherAddressInDisplayName(from).ifPresent(mismatches::add);
        if (isFreeMail(from.domain())) {
            mismatches.add(new Mismatch("from_free_mail", "From at free-mail domain " + from.domain()));
        }
        return mismatches;
    }

    /** Another organisation is the strong sign; the same organisation with another address is reported too. */
    private static void compare(String field, MailAddress from, Optional<MailAddress> other, List<Mismatch> out) {
        if (other.isEmpty()) {
            return;
        }
        MailAddress address = other.get();
        if (!organisation(address.domain()).equals(organisation(from.domain()))) {
            out.add(new Mismatch(
                    field + "_other_organisation", field + " " + address.address() + ", From " + from.address()));
        } else if (!address.address().equalsIgnoreCase(from.address())) {
            out.add(new Mismatch(
                    field + "_other_address", field + " " + address.address() + ", From " + from.address()));
        }
    }

    /**
     * "INTERPOL" &lt;x@gmail.com&gt;: an authority's name in the display name, while the address is at a free-mail
     * domain or at an organisation whose name does not contain that authority's name.
     */
    private Optional<Mismatch> impersonatedAuthority(MailAddress from) {
        String displayName = " " + Text.fold(from.displayName()) + " ";
        String organisation = null; // folded only when a name is found: most display names name no authority
        for (Authority authority : authorities) {
            if (!displayName.contains(" " + authority.folded() + " ")) {
                continue;
            }
            if (organisation == null) {
                organisation = Text.fold(organisation(from.domain())).replace(" ", "");
            }
            boolean freeMail = isFreeMail(from.domain());
            if (freeMail || !organisation.contains(authority.compact())) {
                String where = freeMail ? "free-mail domain " : "organisation ";
                return Optional.of(new Mismatch(
                        "display_name_impersonates_authority",
                        "display name names " + authority.name() + " but the address is at " + where + from.domain()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Mismatch> otherAddressInDisplayName(MailAddress from) {
        if (from.displayName().indexOf('@') < 0) {
            return Optional.empty(); // most names hold no address: no regex tried at each of their characters
        }
        Matcher inName = Addresses.ADDRESS_IN_TEXT.matcher(from.displayName());
        while (inName.find()) {
            if (!inName.group().equalsIgnoreCase(from.address())) {
                return Optional.of(new Mismatch(
                        "display_name_contains_other_address",
                        "display name shows " + inName.group() + ", address is " + from.address()));
            }
        }
        return Optional.empty();
    }

    private boolean isFreeMail(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return lists.freeMailDomains().contains(lower)
                || lists.freeMailDomains().contains(organisation(lower));
    }

    static String organisation(String domain) {
        return Text.organisation(domain).orElse(domain.toLowerCase(Locale.ROOT));
    }

    static final Pattern MESSAGE_ID_DOMAIN = Pattern.compile("@([^>\\s]+)>?\\s*$");

    static Optional<String> messageIdDomain(String messageId) {
        Matcher matcher =
                MESSAGE_ID_DOMAIN.matcher(Text.stripComments(messageId).strip());
        return matcher.find() ? Text.nonBlank(ReceivedParser.hostName(matcher.group(1))) : Optional.empty();
    }
}
