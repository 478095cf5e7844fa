package fr.vigie.identifier;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a profile link says about its owner: {@code instagram.com/name} and {@code t.me/name} give a {@link Handle},
 * {@code wa.me/33612345678} a {@link Phone}. Paths that are site pages, not accounts, give nothing.
 */
final class Profiles {
    /** First path segments that are pages of the site, not accounts. */
    private static final Set<String> NOT_ACCOUNTS = Set.of(
            "p",
            "reel",
            "reels",
            "explore",
            "accounts",
            "stories",
            "tv",
            "direct",
            "joinchat",
            "share",
            "s",
            "home",
            "i",
            "intent",
            "search",
            "hashtag",
            "settings",
            "login",
            "signup",
            "help",
            "about",
            "privacy",
            "policies",
            "legal",
            "terms",
            "profile.php",
            "pages",
            "groups",
            "sharer",
            "sharer.php",
            "watch",
            "events",
            "photo",
            "photo.php",
            "story.php",
            "permalink.php",
            "marketplace",
            "messages",
            "video",
            "add",
            "tag",
            "discover",
            "live",
            "music",
            "embed",
            "addstickers",
            "proxy",
            "c",
            "iv");

    private Profiles() {}

    static List<Identifier> of(Url url, String defaultRegion) {
        if (url.domain() == null) {
            return List.of();
        }
        String site = url.domain().organisation();
        String path = url.pathAndQuery();
        int query = path.indexOf('?');
        String[] segments = (query >= 0 ? path.substring(0, query) : path).split("/");
        String first = segments.length > 1 ? segments[1] : "";
        String second = segments.length > 2 ? segments[2] : "";
        Optional<? extends Identifier> owner = switch (site) {
            case "instagram.com" -> account("instagram", first);
            case "t.me", "telegram.me" -> first.startsWith("+") ? Optional.empty() : account("telegram", first);
            case "tiktok.com" -> first.startsWith("@") ? Handle.of("tiktok", first) : Optional.empty();
            case "twitter.com", "x.com" -> account("x", first);
            case "facebook.com", "fb.com" -> account("facebook", first);
            case "snapchat.com" -> "add".equals(first) ? Handle.of("snapchat", second) : Optional.empty();
            case "wa.me" -> Phone.parse("+" + first, defaultRegion);
            case "whatsapp.com" -> whatsappSend(path, defaultRegion);
            default -> Optional.empty();
        };
        return owner.<List<Identifier>>map(List::of).orElse(List.of());
    }

    private static Optional<Handle> account(String platform, String segment) {
        if (segment.isEmpty() || NOT_ACCOUNTS.contains(segment.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Handle.of(platform, segment);
    }

    /** {@code api.whatsapp.com/send?phone=33612345678}. */
    private static Optional<Phone> whatsappSend(String pathAndQuery, String defaultRegion) {
        int phone = pathAndQuery.indexOf("phone=");
        if (!pathAndQuery.startsWith("/send") || phone < 0) {
            return Optional.empty();
        }
        int end = phone + 6;
        while (end < pathAndQuery.length() && Chars.isDigit(pathAndQuery.charAt(end))) {
            end++;
        }
        return Phone.parse("+" + pathAndQuery.substring(phone + 6, end), defaultRegion);
    }
}
