package fr.vigie.detect;

import fr.vigie.identifier.Domain;
import fr.vigie.identifier.Found;
import fr.vigie.identifier.Url;
import fr.vigie.message.Link;
import fr.vigie.message.TextPart;
import fr.vigie.rules.Matcher;
import fr.vigie.rules.Matcher.LinkTest;
import fr.vigie.rules.WarningList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Link rules over the message's web links: those written in the text and those behind HTML link text. Hostname
 * lists are read once into sets; brand tokens (the first label of each brand domain, "ameli" for ameli.fr) are
 * derived once too.
 */
final class LinkEvaluator {
    /** A domain as people write it in link text: "www.ameli.fr", "https://paypal.com/fr". */
    private static final Pattern SHOWN_DOMAIN =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,24}", Pattern.CASE_INSENSITIVE);
    /** Brand tokens shorter than this match only a whole label part ("ants" in "ants-gouv.com", not "plants"). */
    private static final int MIN_EMBEDDED_TOKEN = 6;

    private static final int MIN_TOKEN = 4;
    /** Compiled once: String.split compiles a pattern of more than one char on every call. */
    private static final Pattern LABEL_PARTS = Pattern.compile("[.-]");

    private final Map<String, Set<String>> hosts = new HashMap<>();
    private final Map<String, Set<String>> brandTokens = new HashMap<>();

    LinkEvaluator(Map<String, WarningList> lists) {
        for (WarningList list : lists.values()) {
            if (!list.type().equals("hostname")) {
                continue;
            }
            hosts.put(list.name(), Set.copyOf(list.entries()));
            Set<String> tokens = new HashSet<>();
            for (String entry : list.entries()) {
                String token = entry.substring(0, entry.indexOf('.') < 0 ? entry.length() : entry.indexOf('.'))
                        .replace("-", "");
                if (token.length() >= MIN_TOKEN) {
                    tokens.add(token);
                }
            }
            brandTokens.put(list.name(), Set.copyOf(tokens));
        }
    }

    List<RedFlag.Evidence> evaluate(Matcher.LinkCheck check, MessageView view) {
        List<RedFlag.Evidence> evidence = new ArrayList<>();
        if (check.test() == LinkTest.TEXT_SHOWS_OTHER_DOMAIN) {
            shownElsewhere(view, evidence);
            return evidence;
        }
        for (Found found : view.message().identifiers()) {
            if (found.identifier() instanceof Url url && !view.isRecipient(found) && fires(check, url)) {
                view.evidence(found.span()).ifPresent(evidence::add);
            }
        }
        return evidence;
    }

    private boolean fires(Matcher.LinkCheck check, Url url) {
        return switch (check.test()) {
            case IP_HOST -> url.domain() == null;
            case LISTED_HOST ->
                url.domain() != null
                        && listed(hosts.get(check.list()), url.domain().normalized());
            case LOOKALIKE_HOST -> url.domain() != null && lookalike(check.list(), url.domain());
            case TEXT_SHOWS_OTHER_DOMAIN -> false;
        };
    }

    private static boolean listed(Set<String> list, String host) {
        String name = host;
        while (true) {
            if (list.contains(name)) {
                return true;
            }
            int dot = name.indexOf('.');
            if (dot < 0) {
                return false;
            }
            name = name.substring(dot + 1);
        }
    }

    private boolean lookalike(String list, Domain domain) {
        if (listed(hosts.get(list), domain.normalized())) {
            return false; // the brand's own domain
        }
        String[] parts = LABEL_PARTS.split(domain.normalized());
        String[] joinedLabels = domain.normalized().replace("-", "").split("\\.");
        for (String token : brandTokens.get(list)) {
            for (String part : parts) {
                if (part.equals(token)) {
                    return true;
                }
            }
            if (token.length() >= MIN_EMBEDDED_TOKEN) {
                for (String label : joinedLabels) {
                    if (label.contains(token)) {
                        return true; // "creditagricole-secure.com", "paypalverify.net"
                    }
                }
            }
        }
        return false;
    }

    /** HTML links whose visible text shows a domain of another organisation than the real target. */
    private static void shownElsewhere(MessageView view, List<RedFlag.Evidence> evidence) {
        Map<String, Url> targets = new HashMap<>();
        for (Found found : view.message().identifiers()) {
            if (found.identifier() instanceof Url url && found.span().part().endsWith(":href")) {
                targets.putIfAbsent(
                        found.span().part() + "@" + found.span().start() + "-"
                                + found.span().end(),
                        url);
            }
        }
        for (TextPart part : view.message().parts()) {
            for (Link link : part.links()) {
                String hrefPart = part.name() + ":href";
                Url target = targets.get(hrefPart + "@" + link.start() + "-" + link.end());
                if (target == null
                        || target.domain() == null
                        || link.end() > part.text().length()) {
                    continue;
                }
                String shown = part.text().substring(link.start(), link.end());
                if (shown.indexOf('.') < 0) {
                    continue; // most link texts show no domain, and a domain has a dot
                }
                java.util.regex.Matcher m = SHOWN_DOMAIN.matcher(shown);
                if (m.find()) {
                    Domain.parse(m.group().toLowerCase(Locale.ROOT))
                            .filter(domain -> !domain.organisation()
                                    .equals(target.domain().organisation()))
                            .flatMap(domain -> view.evidence(hrefPart, link.start(), link.end()))
                            .ifPresent(evidence::add);
                }
            }
        }
    }
}
