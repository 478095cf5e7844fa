package fr.vigie.identifier;

import java.util.Map;

/**
 * The one place that says which mail providers ignore what in the local part, so that two spellings of the same
 * mailbox get the same normal form. Only rules the provider documents are applied; a provider not listed keeps its
 * local part as written (lower-cased). docs/IDENTIFIERS.md has the same table in prose.
 */
final class EmailProviders {

    /** What a provider ignores: dots anywhere, and/or everything from the first {@code +}; and its main domain. */
    record Rule(String canonicalDomain, boolean ignoresDots, boolean ignoresPlusTag) {}

    private static final Rule GMAIL = new Rule("gmail.com", true, true);

    private static final Map<String, Rule> RULES = Map.ofEntries(
            // Google: dots are never significant and googlemail.com is the same mailbox as gmail.com.
            Map.entry("gmail.com", GMAIL),
            Map.entry("googlemail.com", GMAIL),
            // Microsoft consumer mail: plus addressing; dots are significant.
            Map.entry("outlook.com", plusOnly("outlook.com")),
            Map.entry("outlook.fr", plusOnly("outlook.fr")),
            Map.entry("hotmail.com", plusOnly("hotmail.com")),
            Map.entry("hotmail.fr", plusOnly("hotmail.fr")),
            Map.entry("live.com", plusOnly("live.com")),
            Map.entry("live.fr", plusOnly("live.fr")),
            Map.entry("msn.com", plusOnly("msn.com")),
            // Apple iCloud: plus addressing; me.com and mac.com are aliases of an account, not of a local part.
            Map.entry("icloud.com", plusOnly("icloud.com")),
            Map.entry("me.com", plusOnly("me.com")),
            Map.entry("mac.com", plusOnly("mac.com")),
            // Proton: plus addressing on every Proton domain.
            Map.entry("proton.me", plusOnly("proton.me")),
            Map.entry("protonmail.com", plusOnly("protonmail.com")),
            Map.entry("pm.me", plusOnly("pm.me")),
            // Fastmail and Yandex: plus addressing.
            Map.entry("fastmail.com", plusOnly("fastmail.com")),
            Map.entry("yandex.ru", plusOnly("yandex.ru")),
            Map.entry("yandex.com", plusOnly("yandex.com")));

    private EmailProviders() {}

    private static Rule plusOnly(String domain) {
        return new Rule(domain, false, true);
    }

    static Map<String, Rule> rules() {
        return RULES;
    }

    /** The local part and domain as the provider sees them; both already lower-case ASCII. */
    static String canonical(String local, String domain) {
        Rule rule = RULES.get(domain);
        if (rule == null) {
            return local + "@" + domain;
        }
        String canonicalLocal = local;
        if (rule.ignoresPlusTag()) {
            int plus = canonicalLocal.indexOf('+');
            if (plus > 0) {
                canonicalLocal = canonicalLocal.substring(0, plus);
            }
        }
        if (rule.ignoresDots()) {
            canonicalLocal = canonicalLocal.replace(".", "");
        }
        return canonicalLocal + "@" + rule.canonicalDomain();
    }
}
